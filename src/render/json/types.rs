//! The documents of `--format json`, one named type per output. These serde
//! types *are* the format: the same derive that writes the JSON writes its
//! JSON Schema (`schemas/*.json`, by `async-up generate-assets`), so the two
//! cannot drift. Doc comments here become the schemas' descriptions.
//!
//! Compatibility: `schema` goes up on a breaking change (a key removed,
//! renamed or retyped); new keys may be added without it.

use crate::model::availability::State;
use crate::model::question::Answer;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

/// One update as stored.
#[derive(Serialize, JsonSchema)]
pub struct UpdateJson<'a> {
    /// Its author's handle.
    pub author: &'a str,
    /// The author's local date, YYYY-MM-DD.
    #[schemars(extend("format" = "date"))]
    pub date: String,
    /// When it was written, RFC 3339 with the author's offset.
    #[schemars(extend("format" = "date-time"))]
    pub written_at: String,
    /// What was done.
    pub yesterday: &'a [String],
    /// What is planned.
    pub today: &'a [String],
    /// Open blockers.
    pub blockers: Vec<BlockerJson<'a>>,
    /// Mood from 1 to 5, `null` when not given.
    #[schemars(range(min = 1, max = 5))]
    pub mood: Option<u8>,
    /// Answers to the team's own questions by question id; absent when none.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub answers: &'a BTreeMap<String, Answer>,
}

/// An open blocker in an update.
#[derive(Serialize, JsonSchema)]
pub struct BlockerJson<'a> {
    /// Stable while the blocker stays open.
    pub id: &'a str,
    /// What blocks.
    pub text: &'a str,
    /// The date it was opened.
    #[schemars(extend("format" = "date"))]
    pub since: String,
}

/// A reply or reaction to an update, one of its blockers or one of its items.
#[derive(Serialize, JsonSchema)]
pub struct ReplyJson<'a> {
    /// Who replied.
    pub author: &'a str,
    /// What they said; `null` for a reaction or a bare offer of help.
    pub text: Option<&'a str>,
    /// The reaction (one of 👍 👀 ✅ ❤️ 🎉), `null` for a reply.
    pub reaction: Option<&'a str>,
    /// Whether it offers help with the blocker.
    pub offer: bool,
    /// When it was written, RFC 3339 with the replier's offset.
    #[schemars(extend("format" = "date-time"))]
    pub written_at: String,
    /// The id of the blocker it answers, if one.
    pub blocker: Option<&'a str>,
    /// The item of the update's today list it answers, counted from 1.
    #[schemars(range(min = 1))]
    pub item: Option<u32>,
}

/// `team --format json`.
#[derive(Serialize, JsonSchema)]
pub struct TeamDoc<'a> {
    /// The format's version.
    #[schemars(extend("const" = 1))]
    pub schema: u32,
    /// The team's name.
    pub team: &'a str,
    /// The date the view is for.
    #[schemars(extend("format" = "date"))]
    pub date: String,
    /// Each member's current update.
    pub updates: Vec<TeamUpdate<'a>>,
    /// Members with no current update.
    pub missing: &'a [String],
    /// Over several teams: each team's members with no current update; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missing_by_team: Option<BTreeMap<&'a str, &'a [String]>>,
    /// Members away with no current update.
    pub away: Vec<AwayJson<'a>>,
    /// Members on a team holiday (from holidays.toml), whether or not an
    /// update shows.
    pub holidays: Vec<HolidayJson<'a>>,
    /// Every member's local time and state.
    pub members: Vec<MemberJson<'a>>,
}

/// An update in the team view, with what its history says about it.
#[derive(Serialize, JsonSchema)]
pub struct TeamUpdate<'a> {
    /// The update.
    #[serde(flatten)]
    pub update: UpdateJson<'a>,
    /// The committer email when the last change was made by someone else.
    pub foreign_committer: Option<&'a str>,
    /// Replies and reactions to this update, oldest first.
    pub replies: Vec<ReplyJson<'a>>,
    /// Why the last change breaks the team's rules, if it does.
    pub violation: Option<&'a str>,
    /// The team (the name it was joined under), in a view over several teams; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<&'a str>,
}

/// A member away.
#[derive(Serialize, JsonSchema)]
pub struct AwayJson<'a> {
    /// Who.
    pub handle: &'a str,
    /// The last day away.
    #[schemars(extend("format" = "date"))]
    pub until: String,
    /// Their note.
    pub note: Option<&'a str>,
    /// The team (the name it was joined under), in a view over several teams; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<&'a str>,
}

/// A member on a team holiday.
#[derive(Serialize, JsonSchema)]
pub struct HolidayJson<'a> {
    /// Who.
    pub handle: &'a str,
    /// The holiday's name.
    pub name: &'a str,
    /// The team, in a view over several teams; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<&'a str>,
}

/// A member's local time and state now.
#[derive(Serialize, JsonSchema)]
pub struct MemberJson<'a> {
    /// Who.
    pub handle: &'a str,
    /// Like "Tue 14:05".
    pub local_time: &'a str,
    /// Working, focus, off hours, day off, holiday or away.
    pub state: State,
    /// The team (the name it was joined under), in a view over several teams; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<&'a str>,
}

/// `blockers --format json`.
#[derive(Serialize, JsonSchema)]
pub struct BlockersDoc<'a> {
    /// The format's version.
    #[schemars(extend("const" = 1))]
    pub schema: u32,
    /// Every open blocker.
    pub blockers: Vec<BlockerRowJson<'a>>,
}

/// One open blocker with its age.
#[derive(Serialize, JsonSchema)]
pub struct BlockerRowJson<'a> {
    /// Whose blocker.
    pub author: &'a str,
    /// Its id.
    pub id: &'a str,
    /// What blocks.
    pub text: &'a str,
    /// The date it was opened.
    #[schemars(extend("format" = "date"))]
    pub since: String,
    /// Days open, in the author's zone.
    pub age_days: i64,
    /// The author is away today.
    pub away: bool,
    /// Replies to this blocker (offers of help among them), oldest first.
    pub replies: Vec<ReplyJson<'a>>,
    /// The team (the name it was joined under), in a view over several teams; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<&'a str>,
}

/// `log --format json`.
#[derive(Serialize, JsonSchema)]
pub struct LogDoc<'a> {
    /// The format's version.
    #[schemars(extend("const" = 1))]
    pub schema: u32,
    /// The updates, oldest first.
    pub updates: Vec<LogUpdate<'a>>,
}

/// An update in a log, with the replies it received.
#[derive(Serialize, JsonSchema)]
pub struct LogUpdate<'a> {
    /// The update.
    #[serde(flatten)]
    pub update: UpdateJson<'a>,
    /// Replies and reactions to it, oldest first.
    pub replies: Vec<ReplyJson<'a>>,
}

/// `audit --format json`.
#[derive(Serialize, JsonSchema)]
pub struct AuditDoc<'a> {
    /// The format's version.
    #[schemars(extend("const" = 1))]
    pub schema: u32,
    /// How many commits were looked at.
    pub commits_checked: usize,
    /// What broke the rules, oldest first.
    pub violations: Vec<ViolationJson<'a>>,
}

/// One commit that broke the team's rules.
#[derive(Serialize, JsonSchema)]
pub struct ViolationJson<'a> {
    /// The commit id.
    pub commit: &'a str,
    /// Who committed it (name <email>).
    pub committer: &'a str,
    /// Whose files it touched; `null` for a change to a trust anchor.
    pub member: Option<&'a str>,
    /// A path it touched in that member's area (or the anchor).
    pub path: &'a str,
    /// What is wrong.
    pub reason: &'a str,
}

/// `mentions --format json`.
#[derive(Serialize, JsonSchema)]
pub struct MentionsDoc<'a> {
    /// The format's version.
    #[schemars(extend("const" = 1))]
    pub schema: u32,
    /// Whose mentions.
    pub handle: &'a str,
    /// Newest first.
    pub mentions: Vec<MentionJson<'a>>,
}

/// `search --format json`.
#[derive(Serialize, JsonSchema)]
pub struct SearchDoc<'a> {
    /// The format's version.
    #[schemars(extend("const" = 1))]
    pub schema: u32,
    /// What was looked for, as given.
    pub pattern: &'a str,
    /// Newest first.
    pub matches: Vec<SearchMatchJson<'a>>,
}

/// An item of the record that matched.
#[derive(Serialize, JsonSchema)]
pub struct SearchMatchJson<'a> {
    /// Who wrote it.
    pub author: &'a str,
    /// The update's date, or the date of the reply's file.
    #[schemars(extend("format" = "date"))]
    pub date: String,
    /// Where it was written.
    #[schemars(extend("enum" = ["yesterday", "today", "blocker", "reply"]))]
    pub field: &'a str,
    /// The text.
    pub text: &'a str,
    /// The blocker's id: the blocker itself, or the one a reply answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocker: Option<&'a str>,
}

/// A blocker, today-item or reply that mentions someone.
#[derive(Serialize, JsonSchema)]
pub struct MentionJson<'a> {
    /// Who wrote it.
    pub author: &'a str,
    /// Where it was written (`reply`: a reply's text).
    #[schemars(extend("enum" = ["blocker", "today", "reply"]))]
    pub kind: &'a str,
    /// The text.
    pub text: &'a str,
    /// The update's date (for a reply, of the update it answers).
    #[schemars(extend("format" = "date"))]
    pub date: String,
    /// When the update (or the reply) was written.
    #[schemars(extend("format" = "date-time"))]
    pub written_at: String,
}

/// `inbox --format json`.
#[derive(Serialize, JsonSchema)]
pub struct InboxDoc<'a> {
    /// The format's version.
    #[schemars(extend("const" = 1))]
    pub schema: u32,
    /// The team's name.
    pub team: &'a str,
    /// When things were last marked read; `null` on a first run or with `--all`.
    #[schemars(extend("format" = "date-time"))]
    pub since: Option<String>,
    /// Teammates' new or edited updates, each at its latest.
    pub updates: Vec<UpdateJson<'a>>,
    /// New replies and reactions to your updates.
    pub replies: Vec<InboxReplyJson<'a>>,
    /// New mentions of you.
    pub mentions: Vec<MentionJson<'a>>,
    /// Blockers opened since.
    pub blockers_opened: Vec<BlockerRowJson<'a>>,
    /// Blockers resolved since.
    pub blockers_resolved: Vec<BlockerRowJson<'a>>,
}

/// A reply in the inbox, with the update it answers.
#[derive(Serialize, JsonSchema)]
pub struct InboxReplyJson<'a> {
    /// The reply.
    #[serde(flatten)]
    pub reply: ReplyJson<'a>,
    /// Whose update it answers (yours).
    pub to: &'a str,
    /// The date of that update.
    #[schemars(extend("format" = "date"))]
    pub date: String,
}

/// `stats --format json`.
#[derive(Serialize, JsonSchema)]
pub struct StatsDoc {
    /// The format's version.
    #[schemars(extend("const" = 1))]
    pub schema: u32,
    /// The first day of the period.
    #[schemars(extend("format" = "date"))]
    pub since: String,
    /// The last day of the period.
    #[schemars(extend("format" = "date"))]
    pub until: String,
    /// Per member (each with `handle`).
    pub members: Vec<FiguresJson>,
    /// The team's totals (no `handle`); over several teams, the sum of theirs (a member of two counts in each).
    pub team: FiguresJson,
    /// Over several teams: each team's totals (each with `team`); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub teams: Option<Vec<FiguresJson>>,
}

/// A member's or the team's figures over the period; fractions are 0 to 1.
#[derive(Serialize, JsonSchema)]
pub struct FiguresJson {
    /// Whose figures; absent for the team.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub handle: Option<String>,
    /// The team (the name it was joined under), in a view over several teams; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    /// Workdays in the period (days away, holidays and before joining left out).
    pub workdays: u32,
    /// Updates on those workdays.
    pub updates: u32,
    /// Updates divided by workdays.
    pub participation: f64,
    /// Share of updates written outside hours; `null` per member unless the team opts in.
    pub after_hours: Option<f64>,
    /// Blockers opened in the period.
    pub blockers_opened: u32,
    /// Blockers resolved in the period.
    pub blockers_resolved: u32,
    /// Median days to unblock.
    pub median_unblock_days: Option<f64>,
    /// Longest days to unblock.
    pub longest_unblock_days: Option<i64>,
    /// Days away in the period.
    pub away_days: u32,
    /// Average mood; `null` per member unless the team opts in.
    pub mood_average: Option<f64>,
    /// For the team: why a wellbeing figure above is `null` though there
    /// are data (fewer members behind it than `[insight] min_group`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub withheld: Vec<String>,
}
