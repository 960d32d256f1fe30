//! Topics of the discussion hall (议题): what residents talk over before and after a vote.
//!
//! Staff open a topic for discussion, with or without a vote. A resident may propose one:
//! it gathers support, one per household, and goes to a vote when enough households back
//! it before the deadline; otherwise it lapses. After the vote, staff post what was done.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::hall::NewVote;
use crate::ids::{CommentId, TopicId, UploadId, VoteId};

/// The most images a topic or a comment carries.
pub const MAX_IMAGES: usize = 4;

pub mod limits {
    pub const TITLE_MAX_CHARS: usize = 80;
    pub const BODY_MAX_CHARS: usize = 5_000;
    pub const COMMENT_MAX_CHARS: usize = 1_000;
    pub const REASON_MAX_CHARS: usize = 200;
}

/// Where a topic stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TopicState {
    /// A resident's proposal gathering support.
    Proposed,
    /// A proposal that did not gather enough support before its deadline.
    Lapsed,
    /// Open for discussion, with its vote if it has one.
    Discussion,
    /// The follow-up is posted: the loop is closed.
    Concluded,
}

/// Who said something, as the community sees it: residents by a masked name and their
/// building, staff by name and role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Speaker {
    pub name: String,
    pub building: Option<String>,
    pub staff: bool,
}

/// A proposal's support, one per household.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Support {
    pub households: i64,
    pub needed: i64,
    pub deadline: DateTime<Utc>,
    /// The reader's household backs it.
    pub mine: bool,
}

/// Staff's account of what was done after the vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FollowUp {
    pub body_html: String,
    pub posted_by: Speaker,
    pub posted_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Topic {
    pub id: TopicId,
    pub title: String,
    /// Sanitised HTML from the author's Markdown.
    pub body_html: String,
    pub images: Vec<UploadId>,
    pub author: Speaker,
    pub created_at: DateTime<Utc>,
    pub state: TopicState,
    /// For a proposal (also once it went to a vote or lapsed).
    pub support: Option<Support>,
    pub vote_id: Option<VoteId>,
    pub follow_up: Option<FollowUp>,
    /// Comments and replies, hidden ones included.
    pub comments: i64,
}

/// Staff open a topic (optionally with its vote); a resident's new topic is a proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewTopic {
    pub title: String,
    /// Markdown.
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub images: Vec<UploadId>,
    /// Staff only: the vote to open with the topic.
    #[serde(default)]
    pub vote: Option<NewVote>,
}

/// Why a comment was hidden; shown in its place to everyone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Hidden {
    pub reason: String,
    pub by: Speaker,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Comment {
    pub id: CommentId,
    pub author: Speaker,
    /// `None` when hidden, except for staff and the author.
    pub body: Option<String>,
    pub images: Vec<UploadId>,
    pub created_at: DateTime<Utc>,
    pub hidden: Option<Hidden>,
    /// Written by the reader.
    pub mine: bool,
    /// One level only: replies never have replies. A comment comes with its first
    /// replies; `more_replies` more are paged from `/hall/comments/{id}/replies`.
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    pub replies: Vec<Comment>,
    #[serde(default)]
    pub more_replies: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewComment {
    /// Plain text.
    pub body: String,
    /// A top-level comment of the same topic.
    #[serde(default)]
    pub reply_to: Option<CommentId>,
    #[serde(default)]
    pub images: Vec<UploadId>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HideComment {
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewFollowUp {
    /// Markdown.
    pub body: String,
}

/// A topic with its thread, oldest comment first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TopicThread {
    pub topic: Topic,
    /// The first page of the discussion (`CommentPage`).
    pub comments: Vec<Comment>,
    pub next_after: Option<String>,
}

/// A page of comments oldest first: a thread's top-level comments with their first
/// replies, or the further replies of one comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommentPage {
    pub comments: Vec<Comment>,
    pub next_after: Option<String>,
}

/// A page of the community's topics, newest first; the first page also brings the
/// proposals still gathering support (the soonest to close first), which lead the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TopicPage {
    pub gathering: Vec<Topic>,
    pub topics: Vec<Topic>,
    pub next_after: Option<String>,
}

/// What staff set for residents' proposals in their community.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProposalRules {
    /// Households that must back a proposal (e.g. 20).
    pub support_households: u32,
    /// Days a proposal has to gather them.
    pub support_days: u32,
    /// Days the vote a supported proposal goes to stays open.
    pub vote_days: u32,
}

impl Default for ProposalRules {
    fn default() -> Self {
        Self { support_households: 20, support_days: 14, vote_days: 7 }
    }
}

/// Masks a resident's name for public view: the first character, then one `*` per
/// further character (陈小红 → 陈**).
pub fn mask_name(name: &str) -> String {
    let mut characters = name.trim().chars();
    match characters.next() {
        Some(first) => std::iter::once(first).chain(characters.filter(|c| !c.is_whitespace()).map(|_| '*')).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_keep_only_their_first_character() {
        assert_eq!(mask_name("陈小红"), "陈**");
        assert_eq!(mask_name("Li Hua"), "L****");
        assert_eq!(mask_name("王"), "王");
        assert_eq!(mask_name("  "), "");
    }
}
