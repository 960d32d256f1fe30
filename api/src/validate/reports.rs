//! The checks of what people type about problem reports.

use std::collections::BTreeSet;

use super::{optional_text, required_text};
use crate::error::{ApiError, ErrorCode};
use crate::ids::UploadId;
use crate::reports::{limits, ConfirmReport, NewReport, ReassignReport, ReopenReport, ReportCategory, ReportRules, ResolveReport, Route};

fn invalid(field: impl Into<String>) -> ApiError {
    ApiError::on_field(ErrorCode::InvalidValue, field)
}

/// Up to six photos, each once.
fn photos(photos: &[UploadId]) -> Result<Vec<UploadId>, ApiError> {
    let distinct: BTreeSet<_> = photos.iter().collect();
    if photos.len() > limits::MAX_PHOTOS || distinct.len() != photos.len() {
        return Err(invalid("photos"));
    }
    Ok(photos.to_vec())
}

fn pool(raw: Option<&str>, field: &str) -> Result<Option<String>, ApiError> {
    let pool = optional_text(raw.unwrap_or(""), limits::POOL_NAME_MAX_CHARS, field)?;
    Ok((!pool.is_empty()).then_some(pool))
}

/// A report trimmed, or the first bad field.
pub fn new_report(report: &NewReport) -> Result<NewReport, ApiError> {
    Ok(NewReport {
        location: required_text(&report.location, limits::LOCATION_MAX_CHARS, "location")?,
        description: required_text(&report.description, limits::DESCRIPTION_MAX_CHARS, "description")?,
        photos: photos(&report.photos)?,
        ..report.clone()
    })
}

pub fn resolution(resolution: &ResolveReport) -> Result<ResolveReport, ApiError> {
    Ok(ResolveReport { note: required_text(&resolution.note, limits::NOTE_MAX_CHARS, "note")?, photos: photos(&resolution.photos)? })
}

pub fn reopening(reopening: &ReopenReport) -> Result<ReopenReport, ApiError> {
    Ok(ReopenReport { reason: required_text(&reopening.reason, limits::NOTE_MAX_CHARS, "reason")? })
}

pub fn confirmation(confirmation: &ConfirmReport) -> Result<ConfirmReport, ApiError> {
    if !(1..=5).contains(&confirmation.stars) {
        return Err(invalid("stars"));
    }
    Ok(ConfirmReport { stars: confirmation.stars, comment: optional_text(&confirmation.comment, limits::COMMENT_MAX_CHARS, "comment")? })
}

pub fn reassignment(reassignment: &ReassignReport) -> Result<ReassignReport, ApiError> {
    Ok(ReassignReport {
        party: reassignment.party,
        pool: pool(reassignment.pool.as_deref(), "pool")?,
        note: required_text(&reassignment.note, limits::NOTE_MAX_CHARS, "note")?,
    })
}

/// The community's rules: every category routed exactly once, in the categories' order.
pub fn rules(rules: &ReportRules) -> Result<ReportRules, ApiError> {
    if !(limits::MIN_REOPEN_DAYS..=limits::MAX_REOPEN_DAYS).contains(&rules.reopen_days) {
        return Err(invalid("reopen_days"));
    }
    let mut routes = Vec::with_capacity(ReportCategory::ALL.len());
    for (index, route) in rules.routes.iter().enumerate() {
        if routes.iter().any(|seen: &Route| seen.category == route.category) {
            return Err(invalid(format!("routes.{index}.category")));
        }
        if !(limits::MIN_ACCEPT_MINUTES..=limits::MAX_ACCEPT_MINUTES).contains(&route.accept_within_minutes) {
            return Err(invalid(format!("routes.{index}.accept_within_minutes")));
        }
        routes.push(Route { pool: pool(route.pool.as_deref(), &format!("routes.{index}.pool"))?, ..route.clone() });
    }
    if routes.len() != ReportCategory::ALL.len() {
        return Err(invalid("routes"));
    }
    routes.sort_by_key(|route| route.category);
    Ok(ReportRules { routes, reopen_days: rules.reopen_days })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reports::Party;

    fn report() -> NewReport {
        NewReport {
            category: ReportCategory::Safety,
            location: "  东门岗亭旁 ".into(),
            description: " 井盖不见了，晚上很危险。 ".into(),
            photos: vec![UploadId(1), UploadId(2)],
            public: true,
        }
    }

    #[test]
    fn a_report_is_trimmed_and_needs_where_and_what() {
        let checked = new_report(&report()).unwrap();
        assert_eq!((checked.location.as_str(), checked.description.as_str()), ("东门岗亭旁", "井盖不见了，晚上很危险。"));
        let wrong = |change: fn(&mut NewReport)| {
            let mut bad = report();
            change(&mut bad);
            new_report(&bad).unwrap_err()
        };
        assert_eq!(wrong(|r| r.location = " ".into()), ApiError::on_field(ErrorCode::FieldRequired, "location"));
        assert_eq!(wrong(|r| r.description = "长".repeat(1_001)), ApiError::on_field(ErrorCode::FieldTooLong, "description"));
        assert_eq!(wrong(|r| r.photos = (1..=7).map(UploadId).collect()), invalid("photos"), "six photos at most");
        assert_eq!(wrong(|r| r.photos = vec![UploadId(3), UploadId(3)]), invalid("photos"), "each photo once");
    }

    #[test]
    fn steps_need_their_words_and_ratings_are_one_to_five() {
        assert_eq!(resolution(&ResolveReport { note: " ".into(), photos: vec![] }).unwrap_err(), ApiError::on_field(ErrorCode::FieldRequired, "note"));
        assert_eq!(reopening(&ReopenReport { reason: "".into() }).unwrap_err(), ApiError::on_field(ErrorCode::FieldRequired, "reason"));
        assert!(confirmation(&ConfirmReport { stars: 5, comment: " 修得很快 ".into() }).is_ok_and(|c| c.comment == "修得很快"));
        for stars in [0, 6] {
            assert_eq!(confirmation(&ConfirmReport { stars, comment: String::new() }).unwrap_err(), invalid("stars"));
        }
        let moved = reassignment(&ReassignReport { party: Party::StreetOffice, pool: Some("  ".into()), note: "涉及市政井盖".into() }).unwrap();
        assert_eq!(moved.pool, None, "an empty pool is the whole party");
    }

    #[test]
    fn the_rules_route_every_category_once() {
        let defaults = ReportRules::default();
        assert_eq!(rules(&defaults).unwrap(), defaults);
        let safety = defaults.routes.iter().find(|route| route.category == ReportCategory::Safety).unwrap();
        assert_eq!((safety.party, safety.accept_within_minutes), (Party::ResidentsCommittee, 120));
        let mut twice = defaults.clone();
        twice.routes[1].category = twice.routes[0].category;
        assert_eq!(rules(&twice).unwrap_err(), invalid("routes.1.category"));
        let mut missing = defaults.clone();
        missing.routes.pop();
        assert_eq!(rules(&missing).unwrap_err(), invalid("routes"));
        let mut hasty = defaults.clone();
        hasty.routes[2].accept_within_minutes = 5;
        assert_eq!(rules(&hasty).unwrap_err(), invalid("routes.2.accept_within_minutes"));
        let mut reversed = defaults.clone();
        reversed.routes.reverse();
        assert_eq!(rules(&reversed).unwrap().routes, defaults.routes, "kept in the categories' order");
        assert_eq!(rules(&ReportRules { reopen_days: 0, ..defaults }).unwrap_err(), invalid("reopen_days"));
    }
}
