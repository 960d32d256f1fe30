//! Pure rules of notices: what may be published, how Markdown becomes safe HTML, paging,
//! and who has not read a notice yet.

use std::collections::{BTreeMap, HashSet};

use linli_api::ids::{UserId, VoteId};
use linli_api::notices::limits::{PER_PAGE_DEFAULT, PER_PAGE_MAX};
use linli_api::notices::{BuildingUnread, NewNotice, NoticeCategory, NoticeListQuery, UnreadResident};
use linli_api::phone::mask_phone;
use linli_api::ErrorCode;

use crate::community::storage::ResidentContact;
use crate::error::AppError;

/// A notice that passed every check, with its body rendered.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedNotice {
    pub title: String,
    pub body_markdown: String,
    pub body_html: String,
    pub category: NoticeCategory,
    pub pinned: bool,
    pub urgent: bool,
    pub vote_id: Option<VoteId>,
}

pub fn check_notice(notice: &NewNotice) -> Result<CheckedNotice, AppError> {
    let notice = linli_api::validate::new_notice(notice).map_err(AppError::Invalid)?;
    Ok(CheckedNotice {
        body_html: render_markdown(&notice.body_markdown),
        title: notice.title,
        body_markdown: notice.body_markdown,
        category: notice.category,
        pinned: notice.pinned,
        urgent: notice.urgent,
        vote_id: notice.vote_id,
    })
}

/// Markdown to HTML with everything that could run script removed (ammonia's allow-list).
pub fn render_markdown(markdown: &str) -> String {
    let parser = pulldown_cmark::Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_TABLES);
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, parser);
    ammonia::clean(&html)
}

/// Page number and size from the query, checked; plus the row offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageWindow {
    pub page: u32,
    pub per_page: u32,
}

impl PageWindow {
    pub fn offset(self) -> i64 {
        i64::from(self.page - 1) * i64::from(self.per_page)
    }
}

pub fn page_window(query: NoticeListQuery) -> Result<PageWindow, AppError> {
    let page = query.page.unwrap_or(1);
    let per_page = query.per_page.unwrap_or(PER_PAGE_DEFAULT);
    if page == 0 || page > 100_000 {
        return Err(AppError::invalid(ErrorCode::InvalidValue, "page"));
    }
    if per_page == 0 || per_page > PER_PAGE_MAX {
        return Err(AppError::invalid(ErrorCode::InvalidValue, "per_page"));
    }
    Ok(PageWindow { page, per_page })
}

/// Residents who have not read, grouped by building in order, phones masked.
pub fn unread_by_building(residents: &[ResidentContact], readers: &HashSet<UserId>) -> Vec<BuildingUnread> {
    let mut buildings: BTreeMap<&str, Vec<UnreadResident>> = BTreeMap::new();
    for resident in residents.iter().filter(|r| !readers.contains(&r.id)) {
        buildings.entry(&resident.building).or_default().push(UnreadResident {
            name: resident.name.clone(),
            unit: resident.unit.clone(),
            room: resident.room.clone(),
            phone_masked: mask_phone(&resident.phone),
        });
    }
    buildings.into_iter().map(|(building, residents)| BuildingUnread { building: building.to_owned(), residents }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_never_survives_rendering() {
        let html = render_markdown("# 停水\n<script>alert(1)</script>\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>");
        assert!(html.contains("<h1>停水</h1>"), "{html}");
        for danger in ["<script", "javascript:", "onerror"] {
            assert!(!html.contains(danger), "{danger} in {html}");
        }
    }

    #[test]
    fn paging_defaults_and_bounds() {
        assert_eq!(page_window(NoticeListQuery::default()).unwrap(), PageWindow { page: 1, per_page: 20 });
        assert_eq!(page_window(NoticeListQuery { page: Some(3), per_page: Some(10) }).unwrap().offset(), 20);
        assert!(page_window(NoticeListQuery { page: Some(0), per_page: None }).is_err());
        assert!(page_window(NoticeListQuery { page: None, per_page: Some(101) }).is_err());
    }

    #[test]
    fn unread_residents_are_grouped_by_building_with_masked_phones() {
        let resident = |id, building: &str| ResidentContact {
            id: UserId(id),
            name: format!("r{id}"),
            phone: "13900001234".into(),
            building: building.into(),
            unit: "1单元".into(),
            room: "101".into(),
        };
        let residents = vec![resident(1, "2栋"), resident(2, "1栋"), resident(3, "2栋")];
        let readers = HashSet::from([UserId(3)]);
        let grouped = unread_by_building(&residents, &readers);
        assert_eq!(grouped.iter().map(|b| b.building.as_str()).collect::<Vec<_>>(), ["1栋", "2栋"]);
        assert_eq!(grouped[1].residents.len(), 1);
        assert_eq!(grouped[1].residents[0].phone_masked, "139****1234");
    }
}
