//! Community notices (通知公告): the first slice of Linli.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{BuildingId, NoticeId, VoteId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NoticeCategory {
    Government,
    Property,
    Activity,
    Urgent,
}

impl NoticeCategory {
    pub const ALL: [NoticeCategory; 4] =
        [NoticeCategory::Government, NoticeCategory::Property, NoticeCategory::Activity, NoticeCategory::Urgent];

    pub fn as_str(self) -> &'static str {
        match self {
            NoticeCategory::Government => "government",
            NoticeCategory::Property => "property",
            NoticeCategory::Activity => "activity",
            NoticeCategory::Urgent => "urgent",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == raw)
    }
}

/// What staff or property fill in to publish a notice. The body is Markdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewNotice {
    pub title: String,
    pub body_markdown: String,
    pub category: NoticeCategory,
    #[serde(default)]
    pub pinned: bool,
    #[serde(default)]
    pub urgent: bool,
    /// A vote residents can cast with one tap from the notice (an urgent matter's vote).
    #[serde(default)]
    pub vote_id: Option<VoteId>,
}

/// A notice in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NoticeSummary {
    pub id: NoticeId,
    pub title: String,
    pub category: NoticeCategory,
    pub pinned: bool,
    pub urgent: bool,
    pub published_at: DateTime<Utc>,
    pub author_name: String,
    /// Whether the caller has read it.
    pub read: bool,
    /// The vote to cast from the notice, if it carries one.
    pub vote_id: Option<VoteId>,
}

/// A whole notice. `body_html` is rendered from Markdown and sanitised by the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notice {
    pub summary: NoticeSummary,
    pub body_markdown: String,
    pub body_html: String,
}

/// One page of notices: pinned first, then newest first (`PageQuery`: after a cursor).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NoticePage {
    pub items: Vec<NoticeSummary>,
    /// The cursor of the next page; none on the last.
    pub next_after: Option<String>,
    /// The community's notices, and how many of them the reader has not read.
    pub total: i64,
    pub unread: i64,
}

/// Read receipts of one notice, for staff and property: the counts, per building.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReadStats {
    pub notice_id: NoticeId,
    pub read_count: i64,
    pub resident_count: i64,
    /// Each building's residents and how many of them have read it, in building order.
    pub buildings: Vec<BuildingReads>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BuildingReads {
    pub building_id: BuildingId,
    pub building: String,
    pub residents: i64,
    pub read: i64,
}

/// The residents of one building who have not read the notice yet, phones masked, so
/// staff can knock or phone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BuildingUnread {
    pub building: String,
    pub residents: Vec<UnreadResident>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnreadResident {
    pub name: String,
    pub unit: String,
    pub room: String,
    pub phone_masked: String,
}

/// Limits shared by the server's validation and the compose form.
pub mod limits {
    pub const TITLE_MAX_CHARS: usize = 120;
    pub const BODY_MAX_CHARS: usize = 20_000;
    /// Notices a page of the list holds.
    pub const PER_PAGE: u32 = 20;
}
