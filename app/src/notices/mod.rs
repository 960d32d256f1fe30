//! Notices (通知公告): the list, one notice, publishing, and who has read it.
//!
//! `NoticeStore` is the list shared by every screen: the home tile's unread badge, the
//! open list (which live events update without a reload) and the detail page (which marks
//! a notice read).

mod compose;
mod detail;
mod list;
mod reads;

use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::ids::NoticeId;
use linli_api::notices::{limits, NoticeCategory, NoticePage, NoticeSummary};
use linli_api::paging::PageQuery;
use linli_api::{Client, ErrorCode};

pub use compose::Compose;
pub use detail::{NoticeDetail, NoticeView};
pub use list::NoticeList;
pub use reads::ReadStatsPage;

/// The Fluent message naming a category.
pub fn category_id(category: NoticeCategory) -> &'static str {
    match category {
        NoticeCategory::Government => "category-government",
        NoticeCategory::Property => "category-property",
        NoticeCategory::Activity => "category-activity",
        NoticeCategory::Urgent => "category-urgent",
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadState {
    Idle,
    Loading,
    Loaded,
    Failed(ErrorCode),
}

#[derive(Clone, Copy)]
pub struct NoticeStore {
    pub items: RwSignal<Vec<NoticeSummary>>,
    pub unread: RwSignal<i64>,
    pub total: RwSignal<i64>,
    /// Whether a first page was loaded, and the cursor of the page after the loaded ones.
    pub loaded: RwSignal<bool>,
    pub next: RwSignal<Option<String>>,
    pub state: RwSignal<LoadState>,
    /// The title of the latest notice that arrived live, for screen readers to announce.
    pub arrived: RwSignal<Option<String>>,
}

impl Default for NoticeStore {
    fn default() -> Self {
        Self::new()
    }
}

impl NoticeStore {
    pub fn new() -> Self {
        Self {
            items: RwSignal::new(Vec::new()),
            unread: RwSignal::new(0),
            total: RwSignal::new(0),
            loaded: RwSignal::new(false),
            next: RwSignal::new(None),
            state: RwSignal::new(LoadState::Idle),
            arrived: RwSignal::new(None),
        }
    }

    /// Loads the first page again (keeping what is shown until it arrives).
    pub fn refresh(self, client: Client) {
        self.state.set(LoadState::Loading);
        spawn_local(async move {
            match client.notices(&PageQuery::first(Some(limits::PER_PAGE))).await {
                Ok(page) => {
                    self.loaded.set(true);
                    self.items.set(Vec::new());
                    self.take_page(page);
                }
                Err(error) => self.state.set(LoadState::Failed(error.code())),
            }
        });
    }

    /// After the live stream was interrupted: reloads what is shown, since events sent
    /// meanwhile were missed. Nothing to do if no list was loaded yet.
    pub fn catch_up(self, client: Client) {
        if self.loaded.get_untracked() {
            self.refresh(client);
        }
    }

    /// Appends the next page.
    pub fn load_more(self, client: Client) {
        let Some(after) = self.next.get_untracked() else { return };
        self.state.set(LoadState::Loading);
        spawn_local(async move {
            match client.notices(&PageQuery::after(Some(&after), Some(limits::PER_PAGE))).await {
                Ok(page) => {
                    self.take_page(page);
                }
                Err(error) => self.state.set(LoadState::Failed(error.code())),
            }
        });
    }

    fn take_page(&self, page: NoticePage) {
        self.items.update(|items| append_page(items, page.items));
        self.next.set(page.next_after);
        self.total.set(page.total);
        self.unread.set(page.unread);
        self.state.set(LoadState::Loaded);
    }

    /// Whether the server has more than is loaded (tracked).
    pub fn has_more(&self) -> bool {
        self.next.with(Option::is_some)
    }

    /// A notice just published (live event or our own compose form).
    pub fn published(&self, notice: NoticeSummary) {
        let unread = !notice.read;
        let mut added = false;
        self.items.update(|items| added = insert_published(items, notice));
        if added {
            self.total.update(|total| *total += 1);
            if unread {
                self.unread.update(|count| *count += 1);
            }
        }
    }

    /// The resident opened a notice that the server had as unread.
    pub fn mark_read(&self, id: NoticeId) {
        self.items.update(|items| {
            set_read(items, id);
        });
        self.unread.update(|count| *count = (*count - 1).max(0));
    }

    pub fn clear(&self) {
        self.items.set(Vec::new());
        self.unread.set(0);
        self.total.set(0);
        self.loaded.set(false);
        self.next.set(None);
        self.state.set(LoadState::Idle);
        self.arrived.set(None);
    }
}

/// Puts a newly published notice where the server would list it: pinned notices first,
/// then newest first. Returns false when it is already in the list.
pub fn insert_published(items: &mut Vec<NoticeSummary>, notice: NoticeSummary) -> bool {
    if items.iter().any(|n| n.id == notice.id) {
        return false;
    }
    let position = if notice.pinned { 0 } else { items.iter().take_while(|n| n.pinned).count() };
    items.insert(position, notice);
    true
}

/// Appends a page, skipping notices already listed (live inserts shift the pages).
pub fn append_page(items: &mut Vec<NoticeSummary>, page: Vec<NoticeSummary>) {
    for notice in page {
        if !items.iter().any(|n| n.id == notice.id) {
            items.push(notice);
        }
    }
}

/// Marks one notice read; returns whether it was unread.
pub fn set_read(items: &mut [NoticeSummary], id: NoticeId) -> bool {
    match items.iter_mut().find(|n| n.id == id) {
        Some(notice) if !notice.read => {
            notice.read = true;
            true
        }
        _ => false,
    }
}

/// Parses the `:id` of a notice route.
pub fn parse_notice_id(raw: Option<String>) -> Option<NoticeId> {
    raw?.parse().ok().filter(|id| *id > 0).map(NoticeId)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notice(id: i64, pinned: bool) -> NoticeSummary {
        NoticeSummary {
            id: NoticeId(id),
            title: format!("notice {id}"),
            category: NoticeCategory::Government,
            pinned,
            urgent: false,
            published_at: "2026-11-23T08:00:00Z".parse().unwrap(),
            author_name: "staff".into(),
            read: false,
            vote_id: None,
        }
    }

    fn ids(items: &[NoticeSummary]) -> Vec<i64> {
        items.iter().map(|n| n.id.0).collect()
    }

    #[test]
    fn a_new_notice_goes_after_the_pinned_ones() {
        let mut items = vec![notice(1, true), notice(2, true), notice(3, false)];
        assert!(insert_published(&mut items, notice(9, false)));
        assert_eq!(ids(&items), [1, 2, 9, 3]);
    }

    #[test]
    fn a_new_pinned_notice_goes_to_the_top() {
        let mut items = vec![notice(1, true), notice(3, false)];
        assert!(insert_published(&mut items, notice(9, true)));
        assert_eq!(ids(&items), [9, 1, 3]);
    }

    #[test]
    fn a_notice_already_listed_is_not_added_twice() {
        let mut items = vec![notice(1, false)];
        assert!(!insert_published(&mut items, notice(1, false)));
        append_page(&mut items, vec![notice(1, false), notice(2, false)]);
        assert_eq!(ids(&items), [1, 2]);
    }

    #[test]
    fn marking_read_reports_whether_it_was_unread() {
        let mut items = vec![notice(1, false)];
        assert!(set_read(&mut items, NoticeId(1)));
        assert!(items[0].read);
        assert!(!set_read(&mut items, NoticeId(1)));
        assert!(!set_read(&mut items, NoticeId(7)));
    }

    #[test]
    fn route_ids_must_be_positive_numbers() {
        assert_eq!(parse_notice_id(Some("12".into())), Some(NoticeId(12)));
        assert_eq!(parse_notice_id(Some("0".into())), None);
        assert_eq!(parse_notice_id(Some("abc".into())), None);
        assert_eq!(parse_notice_id(None), None);
    }
}
