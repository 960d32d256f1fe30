//! Pure rules of notices: what may be published, how Markdown becomes safe HTML, paging,
//! and who has not read a notice yet.

use std::collections::{HashMap, HashSet};

use linli_api::community::Building;
use linli_api::ids::{BuildingId, UserId, VoteId};
use linli_api::notices::{BuildingReads, BuildingUnread, NewNotice, NoticeCategory, UnreadResident};
use linli_api::phone::mask_phone;

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

/// The residents of a building who have not read, in unit and room order, phones masked.
pub fn unread_in(building: String, residents: &[ResidentContact], readers: &HashSet<UserId>) -> BuildingUnread {
    let residents = residents
        .iter()
        .filter(|resident| !readers.contains(&resident.id))
        .map(|resident| UnreadResident {
            name: resident.name.clone(),
            unit: resident.unit.clone(),
            room: resident.room.clone(),
            phone_masked: mask_phone(&resident.phone),
        })
        .collect();
    BuildingUnread { building, residents }
}

/// Each building's residents beside its kept count of readers (none read: absent).
pub fn building_reads(buildings: Vec<(Building, i64)>, reads: &HashMap<BuildingId, i64>) -> Vec<BuildingReads> {
    buildings
        .into_iter()
        .map(|(building, residents)| BuildingReads {
            read: reads.get(&building.id).copied().unwrap_or(0).min(residents),
            building_id: building.id,
            building: building.name,
            residents,
        })
        .collect()
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
    fn unread_residents_are_listed_with_masked_phones() {
        let resident = |id| ResidentContact {
            id: UserId(id),
            name: format!("r{id}"),
            phone: "13900001234".into(),
            building: "2栋".into(),
            unit: "1单元".into(),
            room: "101".into(),
        };
        let unread = unread_in("2栋".into(), &[resident(1), resident(2), resident(3)], &HashSet::from([UserId(2)]));
        assert_eq!(unread.residents.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), ["r1", "r3"]);
        assert_eq!(unread.residents[0].phone_masked, "139****1234");
    }

    #[test]
    fn buildings_nobody_read_in_count_zero() {
        let building = |id, name: &str| Building { id: BuildingId(id), name: name.into() };
        let reads = HashMap::from([(BuildingId(2), 5)]);
        let rows = building_reads(vec![(building(1, "1栋"), 10), (building(2, "2栋"), 4)], &reads);
        assert_eq!(rows.iter().map(|b| (b.building.as_str(), b.residents, b.read)).collect::<Vec<_>>(), [("1栋", 10, 0), ("2栋", 4, 4)]);
    }
}
