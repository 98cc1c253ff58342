//! Trust: who really wrote what, and who may change the rules that decide it.
//!
//! - [`anchors`]: the team file and allowed signers as they stood at a commit,
//!   the rules every later commit is judged by;
//! - [`audit`]: every commit judged against the anchors of its parent;
//! - [`judge`]: what one commit wrote and under which anchors; `rules`: what
//!   each path is held to;
//! - [`marks`]: the verdict on the last change to each update `team` shows;
//! - [`signing`]: SSH commit signatures, made and checked.
//!
//! A teammate with push access can write anything into the repo, including
//! the rules themselves. So nothing here reads the rules from the tip: a
//! commit is judged by the rules as they stood before it, and a change to the
//! rules is itself judged, by the maintainers named before it.

pub mod anchors;
pub mod audit;
pub mod judge;
pub mod marks;
mod rules;
pub mod signing;

pub use anchors::Anchors;
pub use audit::{audit, Report, Violation};
