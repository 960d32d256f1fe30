//! The checks of what people type about micro-wishes.

use chrono::{Duration, NaiveDate};

use super::{phone, required_text};
use crate::error::{ApiError, ErrorCode};
use crate::wishes::{limits, ClaimWish, ConfirmWish, FulfilWish, NewWish, WishRules};

/// Trims an optional text: empty is none, too long is an error on `field`.
fn optional_text(raw: Option<&str>, max_chars: usize, field: &str) -> Result<Option<String>, ApiError> {
    match raw.map(str::trim).filter(|text| !text.is_empty()) {
        None => Ok(None),
        Some(text) => required_text(text, max_chars, field).map(Some),
    }
}

/// A wish trimmed, or the first bad field. `today` is the community's date. Only staff
/// (`for_someone`) name the household and person it is for; a resident's wish is their own.
pub fn new_wish(wish: &NewWish, today: NaiveDate, for_someone: bool) -> Result<NewWish, ApiError> {
    let what = required_text(&wish.what, limits::WHAT_MAX_CHARS, "what")?;
    let why = wish.why.trim().to_owned();
    if why.chars().count() > limits::WHY_MAX_CHARS {
        return Err(ApiError::on_field(ErrorCode::FieldTooLong, "why"));
    }
    if wish.wanted_by < today || wish.wanted_by > today + Duration::days(limits::MAX_WANTED_DAYS) {
        return Err(ApiError::on_field(ErrorCode::InvalidValue, "wanted_by"));
    }
    let (for_household, wisher_name, wisher_phone) = if for_someone {
        let household = wish.for_household.ok_or(ApiError::on_field(ErrorCode::FieldRequired, "for_household"))?;
        let name = required_text(wish.wisher_name.as_deref().unwrap_or(""), limits::WISHER_NAME_MAX_CHARS, "wisher_name")?;
        let number = match wish.wisher_phone.as_deref().map(str::trim).filter(|raw| !raw.is_empty()) {
            None => None,
            Some(raw) => Some(phone(raw).map_err(|error| ApiError::on_field(error.code, "wisher_phone"))?.into()),
        };
        (Some(household), Some(name), number)
    } else {
        if wish.for_household.is_some() {
            return Err(ApiError::on_field(ErrorCode::InvalidValue, "for_household"));
        }
        (None, None, None)
    };
    Ok(NewWish { what, why, for_household, wisher_name, wisher_phone, ..wish.clone() })
}

pub fn claim(claim: &ClaimWish) -> Result<ClaimWish, ApiError> {
    Ok(ClaimWish { organisation: optional_text(claim.organisation.as_deref(), limits::ORGANISATION_MAX_CHARS, "organisation")? })
}

pub fn fulfilment(fulfilment: &FulfilWish) -> Result<FulfilWish, ApiError> {
    let note = required_text(&fulfilment.note, limits::NOTE_MAX_CHARS, "note")?;
    if fulfilment.minutes.is_some_and(|minutes| !(1..=limits::MAX_MINUTES).contains(&minutes)) {
        return Err(ApiError::on_field(ErrorCode::InvalidValue, "minutes"));
    }
    Ok(FulfilWish { note, ..fulfilment.clone() })
}

pub fn confirmation(confirmation: &ConfirmWish) -> Result<ConfirmWish, ApiError> {
    Ok(ConfirmWish { thanks: optional_text(confirmation.thanks.as_deref(), limits::THANKS_MAX_CHARS, "thanks")? })
}

pub fn rules(rules: &WishRules) -> Result<WishRules, ApiError> {
    if !(limits::MIN_CLAIM_DAYS..=limits::MAX_CLAIM_DAYS).contains(&rules.claim_days) {
        return Err(ApiError::on_field(ErrorCode::InvalidValue, "claim_days"));
    }
    Ok(*rules)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::HouseholdId;
    use crate::wishes::WishCategory;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
    }

    fn wish() -> NewWish {
        NewWish {
            what: "  一台收音机 ".into(),
            why: " 老收音机坏了 ".into(),
            category: WishCategory::Goods,
            photo: None,
            wanted_by: today() + Duration::days(7),
            for_household: None,
            wisher_name: None,
            wisher_phone: None,
        }
    }

    fn field(result: Result<NewWish, ApiError>) -> (ErrorCode, Option<String>) {
        let error = result.unwrap_err();
        (error.code, error.field)
    }

    #[test]
    fn a_wish_is_trimmed() {
        let checked = new_wish(&wish(), today(), false).unwrap();
        assert_eq!((checked.what.as_str(), checked.why.as_str()), ("一台收音机", "老收音机坏了"));
    }

    #[test]
    fn a_wish_needs_what_and_a_date_from_today_within_half_a_year() {
        let empty = NewWish { what: "  ".into(), ..wish() };
        assert_eq!(field(new_wish(&empty, today(), false)), (ErrorCode::FieldRequired, Some("what".into())));
        let long = NewWish { what: "收".repeat(81), ..wish() };
        assert_eq!(field(new_wish(&long, today(), false)).0, ErrorCode::FieldTooLong);
        let yesterday = NewWish { wanted_by: today() - Duration::days(1), ..wish() };
        assert_eq!(field(new_wish(&yesterday, today(), false)), (ErrorCode::InvalidValue, Some("wanted_by".into())));
        assert!(new_wish(&NewWish { wanted_by: today(), ..wish() }, today(), false).is_ok());
        let far = NewWish { wanted_by: today() + Duration::days(181), ..wish() };
        assert_eq!(field(new_wish(&far, today(), false)).1.as_deref(), Some("wanted_by"));
    }

    #[test]
    fn only_staff_post_for_a_named_household() {
        let for_other = NewWish { for_household: Some(HouseholdId(3)), ..wish() };
        assert_eq!(field(new_wish(&for_other, today(), false)), (ErrorCode::InvalidValue, Some("for_household".into())));
        assert_eq!(field(new_wish(&wish(), today(), true)), (ErrorCode::FieldRequired, Some("for_household".into())));
        assert_eq!(field(new_wish(&for_other, today(), true)), (ErrorCode::FieldRequired, Some("wisher_name".into())));
        let named = NewWish { wisher_name: Some(" 赵奶奶 ".into()), wisher_phone: Some("139 0000 1234".into()), ..for_other };
        let checked = new_wish(&named, today(), true).unwrap();
        assert_eq!((checked.wisher_name.as_deref(), checked.wisher_phone.as_deref()), (Some("赵奶奶"), Some("13900001234")));
        let bad_phone = NewWish { wisher_phone: Some("12345".into()), ..named };
        assert_eq!(field(new_wish(&bad_phone, today(), true)), (ErrorCode::InvalidPhone, Some("wisher_phone".into())));
    }

    #[test]
    fn fulfilment_needs_a_note_and_sane_minutes() {
        let done = FulfilWish { note: " 已送到 ".into(), photo: None, minutes: Some(90) };
        assert_eq!(fulfilment(&done).unwrap().note, "已送到");
        let silent = FulfilWish { note: "".into(), ..done.clone() };
        assert_eq!(fulfilment(&silent).unwrap_err().code, ErrorCode::FieldRequired);
        for minutes in [0, limits::MAX_MINUTES + 1] {
            let odd = FulfilWish { minutes: Some(minutes), ..done.clone() };
            assert_eq!(fulfilment(&odd).unwrap_err().field.as_deref(), Some("minutes"));
        }
    }

    #[test]
    fn optional_texts_are_none_when_blank() {
        assert_eq!(claim(&ClaimWish { organisation: Some("  ".into()) }).unwrap().organisation, None);
        assert_eq!(confirmation(&ConfirmWish { thanks: Some(" 谢谢！ ".into()) }).unwrap().thanks.as_deref(), Some("谢谢！"));
        let long = ConfirmWish { thanks: Some("谢".repeat(301)) };
        assert_eq!(confirmation(&long).unwrap_err().code, ErrorCode::FieldTooLong);
    }

    #[test]
    fn claim_days_stay_in_range() {
        assert!(rules(&WishRules { claim_days: 7 }).is_ok());
        assert_eq!(rules(&WishRules { claim_days: 0 }).unwrap_err().field.as_deref(), Some("claim_days"));
        assert!(rules(&WishRules { claim_days: 61 }).is_err());
    }
}
