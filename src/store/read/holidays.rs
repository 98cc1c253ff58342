//! Reading `holidays.toml`, the team's holidays, once per snapshot, and
//! handing them to every member read from it: the availability rules then
//! count them wherever a member's days are asked. A broken file is a
//! warning naming it, never an error: `team` must still show the team.

use super::{is_regular, Snapshot};
use crate::model::holiday::{Holidays, TeamHolidays, HOLIDAYS_FILE};
use crate::model::Member;

impl Snapshot<'_> {
    /// The team's holidays (`holidays.toml`). A file that cannot be read is
    /// one warning naming it, and no holidays: views go on without them.
    pub fn holidays(&self) -> TeamHolidays {
        self.holidays
            .get_or_init(|| {
                let read = || {
                    let entry = self.root.as_ref()?.get_name(HOLIDAYS_FILE)?;
                    let regular = is_regular(&entry);
                    if !regular {
                        self.warnings.push(format!(
                            "{HOLIDAYS_FILE}: not a regular file (a symlink or a folder); ignored"
                        ));
                    }
                    // Ten years of a dozen regions' holidays are over the
                    // cap of a member's file: the file has its own.
                    let text = self.read_blob_within(
                        HOLIDAYS_FILE,
                        &entry.id().to_string(),
                        regular,
                        crate::model::layout::MAX_HOLIDAYS_BYTES,
                    )?;
                    let (holidays, problems) = match Holidays::from_toml(HOLIDAYS_FILE, &text) {
                        Ok(read) => read,
                        Err(e) => {
                            self.warnings
                                .push(format!("{e}; no holidays apply until it is fixed"));
                            return None;
                        }
                    };
                    for p in problems {
                        self.warnings.push(p);
                    }
                    Some(holidays)
                };
                TeamHolidays(std::sync::Arc::new(read().unwrap_or_default()))
            })
            .clone()
    }

    /// A member with no member file (defaults, and the holidays for everyone).
    pub fn bare_member(&self, handle: &str) -> Member {
        let mut member = Member::bare(handle);
        member.holidays = self.holidays();
        member
    }
}
