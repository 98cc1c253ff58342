//! The domain model: the serde types that define the team repo's file format,
//! and the rules that apply to them (handles, dates, blockers carrying over).
//! Nothing here touches git or the terminal.

pub mod availability;
pub mod handle;
pub mod holiday;
pub mod layout;
pub mod member;
pub mod mention;
pub mod merge;
pub mod question;
pub mod reply;
pub mod team_file;
pub mod toml_read;
mod toml_time;
pub mod update;

pub use handle::Handle;
pub use member::Member;
pub use team_file::TeamFile;
pub use update::{Blocker, Update};

#[cfg(test)]
mod written_text_tests;
