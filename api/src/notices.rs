//! Community notices (通知公告): the first slice of Linli.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{NoticeId, VoteId};

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

/// One page of notices: pinned first, then newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NoticePage {
    pub items: Vec<NoticeSummary>,
    pub page: u32,
    pub per_page: u32,
    pub total: i64,
    pub unread: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct NoticeListQuery {
    /// 1-based page number.
    pub page: Option<u32>,
    /// Items per page, 1 to 100.
    pub per_page: Option<u32>,
}

/// Read receipts of one notice, for staff and property.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReadStats {
    pub notice_id: NoticeId,
    pub read_count: i64,
    pub resident_count: i64,
    /// Residents who have not read it yet, grouped by building, phones masked.
    pub unread_by_building: Vec<BuildingUnread>,
}

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
    pub const PER_PAGE_MAX: u32 = 100;
    pub const PER_PAGE_DEFAULT: u32 = 20;
}
