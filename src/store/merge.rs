//! Two versions of one file, the local edit and the remote's, both changed
//! since the version the local edit was built on: read the three blobs,
//! merge them with [`crate::model::merge`], and say on stderr whatever the
//! local edit replaced. The time a file claims to be written at decides
//! nothing; one far ahead of this machine's clock is called out.
//!
//! It prints from the store because every path that rebuilds local commits
//! on the remote (a write's catch-up, a read's refresh, `sync`, a rebuilt
//! mirror) must tell, and forgetting one would lose an edit silently.

use super::Store;
use crate::error::Result;
use crate::model::merge::{self, Merged};
use crate::model::reply::{ReplyFile, REPLIES_DIR};
use crate::model::{layout, Member, Update};
use chrono::{DateTime, FixedOffset};
use git2::Oid;

/// A file kind that merges field by field.
trait Mergeable: Sized + PartialEq {
    fn parse(path: &str, text: &str) -> Result<Self>;
    fn merge(base: Option<&Self>, local: &Self, remote: &Self) -> Merged<Self>;
    fn to_toml(&self) -> String;
    /// The merged value written into `theirs`, the remote's text that
    /// parsed as `remote`; member files keep what people wrote by hand.
    fn to_toml_over(&self, _theirs: &str, _remote: &Self) -> String {
        self.to_toml()
    }
    fn written_at(&self) -> Option<DateTime<FixedOffset>>;
}

impl Mergeable for Update {
    fn parse(path: &str, text: &str) -> Result<Self> {
        Update::from_toml(path, text)
    }
    fn merge(base: Option<&Self>, local: &Self, remote: &Self) -> Merged<Self> {
        merge::updates(base, local, remote)
    }
    fn to_toml(&self) -> String {
        Update::to_toml(self)
    }
    fn written_at(&self) -> Option<DateTime<FixedOffset>> {
        Some(self.written_at)
    }
}

impl Mergeable for Member {
    fn parse(path: &str, text: &str) -> Result<Self> {
        Member::from_toml(path, text)
    }
    fn merge(base: Option<&Self>, local: &Self, remote: &Self) -> Merged<Self> {
        merge::members(base, local, remote)
    }
    fn to_toml(&self) -> String {
        Member::to_toml(self)
    }
    fn to_toml_over(&self, theirs: &str, remote: &Self) -> String {
        crate::keep_toml::edit(Some(theirs), remote, self)
    }
    fn written_at(&self) -> Option<DateTime<FixedOffset>> {
        None
    }
}

/// A day's replies from two machines of the same person: every entry of
/// either side, the remote's first. Replies are only ever added.
impl Mergeable for ReplyFile {
    fn parse(path: &str, text: &str) -> Result<Self> {
        ReplyFile::from_toml(path, text)
    }
    fn merge(_base: Option<&Self>, local: &Self, remote: &Self) -> Merged<Self> {
        let mut value = remote.clone();
        for r in &local.replies {
            if !value.replies.contains(r) {
                value.replies.push(r.clone());
            }
        }
        Merged {
            value,
            replaced: Vec::new(),
        }
    }
    fn to_toml(&self) -> String {
        ReplyFile::to_toml(self)
    }
    fn written_at(&self) -> Option<DateTime<FixedOffset>> {
        None
    }
}

impl Store {
    /// Merges `mine` (the local edit) and `theirs` (the remote's) of `path`
    /// against `base`, the version the local edit started from, and returns
    /// the blob to keep. Fields both sides changed keep the local edit.
    pub(super) fn merge_file(
        &self,
        path: &str,
        base: Option<Oid>,
        mine: Oid,
        theirs: Oid,
    ) -> Result<Oid> {
        let label = label(path);
        if path.starts_with(&format!("{}/", layout::UPDATES_DIR)) {
            self.merge_as::<Update>(path, &label, base, mine, theirs)
        } else if path.starts_with(&format!("{}/", layout::MEMBERS_DIR)) {
            self.merge_as::<Member>(path, &label, base, mine, theirs)
        } else if path.starts_with(&format!("{REPLIES_DIR}/")) {
            self.merge_as::<ReplyFile>(path, &label, base, mine, theirs)
        } else {
            tell(&format!(
                "{label}: your version replaced the one from the remote (both changed it)"
            ));
            Ok(mine)
        }
    }

    fn merge_as<T: Mergeable>(
        &self,
        path: &str,
        label: &str,
        base: Option<Oid>,
        mine: Oid,
        theirs: Oid,
    ) -> Result<Oid> {
        let read = |oid: Oid| -> std::result::Result<T, String> {
            // A blob missing from a partial clone is one over the limit.
            if !self.repo.odb().is_ok_and(|o| o.exists(oid)) {
                return Err(format!("larger than {} bytes", layout::MAX_FILE_BYTES));
            }
            let blob = self
                .repo
                .find_blob(oid)
                .map_err(|e| e.message().to_string())?;
            if blob.size() > layout::MAX_FILE_BYTES {
                return Err(format!("larger than {} bytes", layout::MAX_FILE_BYTES));
            }
            let text = std::str::from_utf8(blob.content()).map_err(|_| "not UTF-8".to_string())?;
            T::parse(path, text).map_err(|e| e.to_string())
        };
        let local = read(mine);
        let remote = read(theirs);
        let (local, remote) = match (local, remote) {
            (Ok(local), Ok(remote)) => (local, remote),
            (Ok(_), Err(why)) => {
                tell(&format!(
                    "{label}: the remote's version could not be read ({why}); yours replaced it"
                ));
                return Ok(mine);
            }
            (Err(why), Ok(_)) => {
                tell(&format!(
                    "{label}: your version could not be read ({why}); kept the remote's"
                ));
                return Ok(theirs);
            }
            (Err(why), Err(_)) => {
                tell(&format!(
                    "{label}: neither version could be read ({why}); yours replaced the remote's"
                ));
                return Ok(mine);
            }
        };
        if let Some(at) = remote.written_at() {
            if let Some(ahead) = merge::ahead_of(at, crate::clock::now()) {
                tell(&format!(
                    "{label}: the remote's version says it was written at {}, {} ahead of this machine's clock; times never decide which version is kept",
                    at.to_rfc3339(),
                    merge::rough(ahead)
                ));
            }
        }
        let base = base.and_then(|oid| read(oid).ok());
        let merged = T::merge(base.as_ref(), &local, &remote);
        for field in &merged.replaced {
            tell(&format!(
                "{label}: your {field} replaced the version from the remote (written on another machine)"
            ));
        }
        if merged.value == local {
            Ok(mine)
        } else if merged.value == remote {
            Ok(theirs)
        } else {
            let theirs_text = self
                .repo
                .find_blob(theirs)
                .ok()
                .and_then(|b| std::str::from_utf8(b.content()).ok().map(str::to_string));
            let text = match theirs_text {
                Some(text) => merged.value.to_toml_over(&text, &remote),
                None => merged.value.to_toml(),
            };
            // Two edits each within the limit can merge into one past it,
            // which every reader would skip: the day would vanish for the
            // team. The edit being synced is kept whole instead.
            if text.len() > layout::MAX_FILE_BYTES {
                tell(&format!(
                    "{label}: yours and the remote's version merged would be {} bytes, over the {} byte limit readers accept; yours replaced the remote's, which stays in the history (git log -p -- {path})",
                    text.len(),
                    layout::MAX_FILE_BYTES
                ));
                return Ok(mine);
            }
            Ok(self.repo.blob(text.as_bytes())?)
        }
    }
}

/// `updates/alice 2026-11-24` for an update, `members/alice` for a member
/// file, the path for anything else.
fn label(path: &str) -> String {
    let stem = path.strip_suffix(".toml").unwrap_or(path);
    match stem.split('/').collect::<Vec<_>>()[..] {
        [dir, handle, _year, date] if dir == layout::UPDATES_DIR => {
            format!("{dir}/{handle} {date}")
        }
        [dir, _] if dir == layout::MEMBERS_DIR => stem.to_string(),
        _ => path.to_string(),
    }
}

/// Says what a merge did; shown even with `-q`, since it is about your data.
fn tell(text: &str) {
    crate::render::warn(text);
}

#[cfg(test)]
mod tests {
    use super::label;

    #[test]
    fn labels_name_the_day_or_the_file() {
        assert_eq!(
            label("updates/alice/2026/2026-11-24.toml"),
            "updates/alice 2026-11-24"
        );
        assert_eq!(label("members/alice.toml"), "members/alice");
        assert_eq!(label("async-up.toml"), "async-up.toml");
    }
}
