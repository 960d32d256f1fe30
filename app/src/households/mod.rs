//! The household register (房屋台账) as staff keep it. `/households` imports the property
//! company's ledger (`import.rs`: pick the file, check it, import it) above the register
//! itself, a page at a time (`register.rs`); `/households/:id` shows and edits one household
//! (`household.rs`, with `owners.rs` for the owners' rows) and its residents (`residents.rs`:
//! moved out, a password reset code); `/invites/print` prints invite codes for the households
//! where nobody has registered yet (`print.rs`). CSV files are saved as the server sends them
//! (`download.rs`).

mod household;
mod import;
mod owners;
mod print;
mod register;
mod residents;

use linli_api::ids::HouseholdId;
use linli_api::register::limits::AREA_MAX_CENTI_M2;
use linli_api::register::{LedgerColumn, LedgerProblem, Owner};
use linli_api::{ApiError, ErrorCode};

pub use household::HouseholdPage;
pub use print::PrintInvitesPage;
pub use register::HouseholdsPage;

use crate::appointments::staff::half_width;
use crate::i18n::{t, t_args};

/// `8950` hundredths of m² as staff read and type it: `89.50`.
pub fn area_text(centi_m2: i64) -> String {
    format!("{}.{:02}", centi_m2 / 100, centi_m2 % 100)
}

/// An area as typed (`92.05`, `92`, `９２．０５`, `92.05㎡`) in exact hundredths of m², or
/// why not: nothing typed, not a number with at most two decimals, or not in (0, 10 000].
pub fn parse_area(raw: &str, field: &str) -> Result<i64, ApiError> {
    let text: String = raw.trim().chars().map(half_width).collect();
    let text = text.trim_end_matches(['㎡', '²']).trim_end_matches(['m', 'M']).trim();
    if text.is_empty() {
        return Err(ApiError::on_field(ErrorCode::FieldRequired, field));
    }
    let invalid = || ApiError::on_field(ErrorCode::InvalidValue, field);
    let (whole, decimals) = text.split_once('.').unwrap_or((text, ""));
    let digits = |part: &str| part.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() || whole.len() > 7 || decimals.len() > 2 || !digits(whole) || !digits(decimals) {
        return Err(invalid());
    }
    let whole: i64 = whole.parse().map_err(|_| invalid())?;
    let hundredths: i64 = format!("{decimals:0<2}").parse().map_err(|_| invalid())?;
    let area = whole * 100 + hundredths;
    if area <= 0 || area > AREA_MAX_CENTI_M2 {
        return Err(invalid());
    }
    Ok(area)
}

/// The household in a path (`/households/17`).
pub fn parse_household_id(raw: Option<String>) -> Option<HouseholdId> {
    raw?.parse().ok().filter(|id| *id > 0).map(HouseholdId)
}

/// "王建国（139****0001）、杨丽", or "none on record".
pub fn owners_text(owners: &[Owner]) -> String {
    if owners.is_empty() {
        return t("households-owners-none");
    }
    owners
        .iter()
        .map(|owner| match &owner.phone_masked {
            Some(phone) => t_args("households-owner-phone", &[("name", owner.name.clone().into()), ("phone", phone.clone().into())]),
            None => owner.name.clone(),
        })
        .collect::<Vec<_>>()
        .join(&t("list-separator"))
}

/// The Fluent id of a ledger column's word, as the file's header names it.
pub fn column_label(column: LedgerColumn) -> &'static str {
    match column {
        LedgerColumn::Building => "ledger-column-building",
        LedgerColumn::Unit => "ledger-column-unit",
        LedgerColumn::Room => "ledger-column-room",
        LedgerColumn::FloorArea => "ledger-column-floor-area",
        LedgerColumn::OwnerNames => "ledger-column-owner-names",
        LedgerColumn::OwnerPhones => "ledger-column-owner-phones",
    }
}

/// The column a server error names (`ledger_columns_missing` on `floor_area`).
pub fn column_named(field: &str) -> Option<LedgerColumn> {
    LedgerColumn::ALL.into_iter().find(|column| column.as_str() == field)
}

/// The Fluent id of the sentence saying what is wrong with a cell.
pub fn problem_label(problem: LedgerProblem) -> &'static str {
    match problem {
        LedgerProblem::Missing => "ledger-problem-missing",
        LedgerProblem::TooLong => "ledger-problem-too-long",
        LedgerProblem::ControlCharacter => "ledger-problem-control-character",
        LedgerProblem::DuplicateRoom => "ledger-problem-duplicate-room",
        LedgerProblem::AreaNotANumber => "ledger-problem-area-not-a-number",
        LedgerProblem::AreaOutOfRange => "ledger-problem-area-out-of-range",
        LedgerProblem::PhoneInvalid => "ledger-problem-phone-invalid",
        LedgerProblem::OwnersMismatch => "ledger-problem-owners-mismatch",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use linli_api::auth::Locale;
    use linli_api::register::LedgerRowProblem;

    use crate::i18n::{set_locale, translate};

    #[test]
    fn areas_are_typed_exactly_in_hundredths() {
        assert_eq!(parse_area("92.05", "a"), Ok(9205));
        assert_eq!(parse_area(" 92 ", "a"), Ok(9200));
        assert_eq!(parse_area("92.5", "a"), Ok(9250));
        assert_eq!(parse_area("0.01", "a"), Ok(1));
        assert_eq!(parse_area("９２．０５", "a"), Ok(9205), "full-width digits from a Chinese keyboard");
        assert_eq!(parse_area("92.05㎡", "a"), Ok(9205));
        assert_eq!(parse_area("10000", "a"), Ok(AREA_MAX_CENTI_M2));
        // 0.1 + 0.2 style binary rounding never enters: 1.15 is 115, not 114.
        assert_eq!(parse_area("1.15", "a"), Ok(115));
        assert_eq!(parse_area("", "a"), Err(ApiError::on_field(ErrorCode::FieldRequired, "a")));
        assert_eq!(parse_area("5.", "a"), Ok(500), "a trailing point is a whole number");
        for bad in ["0", "0.00", "10000.01", "92.055", "12O.35", "-5", "1,5", ".5", "1e3", "92.0.5"] {
            assert_eq!(parse_area(bad, "a"), Err(ApiError::on_field(ErrorCode::InvalidValue, "a")), "{bad}");
        }
        for centi in [1, 9, 10, 8950, 9205, 12035, AREA_MAX_CENTI_M2] {
            assert_eq!(parse_area(&area_text(centi), "a"), Ok(centi), "{centi} there and back");
        }
        assert_eq!(area_text(8950), "89.50");
        assert_eq!(area_text(5), "0.05");
    }

    #[test]
    fn household_ids_come_from_the_path() {
        assert_eq!(parse_household_id(Some("17".into())), Some(HouseholdId(17)));
        assert_eq!(parse_household_id(Some("0".into())), None);
        assert_eq!(parse_household_id(Some("x".into())), None);
        assert_eq!(parse_household_id(None), None);
    }

    #[test]
    fn every_column_and_problem_has_words_in_every_locale() {
        for locale in Locale::ALL {
            for column in LedgerColumn::ALL {
                let id = column_label(column);
                assert_ne!(translate(locale, id, None), id, "{} {id}", locale.tag());
                assert_eq!(column_named(column.as_str()), Some(column));
            }
        }
        assert_eq!(column_named("owner"), None);
        let problem = LedgerRowProblem { line: 28, column: LedgerColumn::FloorArea, problem: LedgerProblem::AreaNotANumber, value: "12O.35".into() };
        set_locale(Locale::ZhCn);
        assert_eq!(import::problem_text(&problem), "第 28 行 · 面积：不是有效的面积（12O.35）");
        set_locale(Locale::En);
        assert_eq!(import::problem_text(&problem), "Line 28 · Floor area: not a valid area (12O.35)");
        set_locale(Locale::ZhCn);
    }

    #[test]
    fn owners_read_as_one_line() {
        set_locale(Locale::ZhCn);
        let owner = |name: &str, phone: Option<&str>| Owner { name: name.into(), phone_masked: phone.map(Into::into) };
        assert_eq!(owners_text(&[owner("王建国", Some("139****0001")), owner("杨丽", None)]), "王建国（139****0001）、杨丽");
        assert_eq!(owners_text(&[]), t("households-owners-none"));
    }
}
