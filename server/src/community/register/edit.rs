//! Staff's change of one household, checked, and the line it leaves in the audit log.

use linli_api::auth::limits::NAME_MAX_CHARS;
use linli_api::register::limits::{AREA_MAX_CENTI_M2, NOTE_MAX_CHARS, OWNERS_MAX};
use linli_api::register::HouseholdChange;
use linli_api::validate::{optional_text, required_text};
use linli_api::{ApiError, ErrorCode, PhoneNumber};

use crate::community::ledger::LedgerOwner;
use crate::error::AppError;

/// An owner as staff entered them: a new phone, none, or the one on record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnerEntry {
    pub name: String,
    pub phone: Option<String>,
    /// The position among the owners on record whose phone this owner keeps.
    pub keep_phone_of: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CheckedChange {
    pub area_centi_m2: Option<i64>,
    pub owners: Option<Vec<OwnerEntry>>,
    pub note: Option<String>,
}

fn refuse_controls(text: &str, allow_newlines: bool, field: &str) -> Result<(), AppError> {
    if text.chars().any(|c| c.is_control() && !(allow_newlines && c == '\n')) {
        return Err(AppError::Invalid(ApiError::on_field(ErrorCode::InvalidValue, field)));
    }
    Ok(())
}

pub fn check(change: &HouseholdChange) -> Result<CheckedChange, AppError> {
    if let Some(area) = change.floor_area_centi_m2 {
        if area <= 0 || area > AREA_MAX_CENTI_M2 {
            return Err(AppError::invalid(ErrorCode::InvalidValue, "floor_area_centi_m2"));
        }
    }
    let owners = match &change.owners {
        None => None,
        Some(owners) if owners.len() > OWNERS_MAX => return Err(AppError::invalid(ErrorCode::InvalidValue, "owners")),
        Some(owners) => {
            let mut checked = Vec::with_capacity(owners.len());
            for (index, owner) in owners.iter().enumerate() {
                let name_field = format!("owners[{index}].name");
                refuse_controls(&owner.name, false, &name_field)?;
                let name = required_text(&owner.name, NAME_MAX_CHARS, &name_field).map_err(AppError::Invalid)?;
                let phone = match owner.phone.as_deref().map(str::trim) {
                    None | Some("") => None,
                    Some(raw) => Some(
                        PhoneNumber::parse(raw)
                            .ok_or_else(|| AppError::Invalid(ApiError::on_field(ErrorCode::InvalidPhone, format!("owners[{index}].phone"))))?
                            .as_str()
                            .to_owned(),
                    ),
                };
                let keep_phone_of = owner.keep_phone_of.filter(|_| phone.is_none()).map(|position| position as usize);
                checked.push(OwnerEntry { name, keep_phone_of, phone });
            }
            Some(checked)
        }
    };
    let note = match &change.note {
        None => None,
        Some(note) => {
            refuse_controls(note, true, "note")?;
            Some(optional_text(note, NOTE_MAX_CHARS, "note").map_err(AppError::Invalid)?)
        }
    };
    Ok(CheckedChange { area_centi_m2: change.floor_area_centi_m2, owners, note })
}

/// The owners to record: each keeps the phone of the owner on record at the position it names.
pub fn owners_after(recorded: &[LedgerOwner], entries: &[OwnerEntry]) -> Vec<LedgerOwner> {
    entries
        .iter()
        .map(|entry| LedgerOwner {
            name: entry.name.clone(),
            phone: match (&entry.phone, entry.keep_phone_of) {
                (Some(phone), _) => Some(phone.clone()),
                (None, Some(position)) => recorded.get(position).and_then(|owner| owner.phone.clone()),
                (None, None) => None,
            },
        })
        .collect()
}

/// `89.5` m² as the audit log writes it: `89.50`.
pub fn area_text(centi_m2: i64) -> String {
    format!("{}.{:02}", centi_m2 / 100, centi_m2 % 100)
}

/// What changed, for the audit log; empty when nothing did. Owners appear by name only.
pub fn describe(
    area_before: i64,
    area_after: i64,
    owners_before: &[LedgerOwner],
    owners_after: Option<&[LedgerOwner]>,
    note_before: &str,
    note_after: &str,
) -> String {
    let mut parts = Vec::new();
    if area_before != area_after {
        parts.push(format!("area {} -> {}", area_text(area_before), area_text(area_after)));
    }
    if let Some(after) = owners_after.filter(|after| *after != owners_before) {
        let names = |owners: &[LedgerOwner]| owners.iter().map(|owner| owner.name.as_str()).collect::<Vec<_>>().join("、");
        parts.push(format!("owners {} -> {}", names(owners_before), names(after)));
    }
    if note_before != note_after {
        parts.push("note changed".to_owned());
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use linli_api::register::OwnerInput;

    fn owner(name: &str, phone: Option<&str>) -> LedgerOwner {
        LedgerOwner { name: name.into(), phone: phone.map(Into::into) }
    }

    #[test]
    fn areas_must_be_positive_and_at_most_ten_thousand_square_metres() {
        for bad in [0, -1, 1_000_001] {
            assert!(check(&HouseholdChange { floor_area_centi_m2: Some(bad), ..Default::default() }).is_err(), "{bad}");
        }
        assert!(check(&HouseholdChange { floor_area_centi_m2: Some(1_000_000), ..Default::default() }).is_ok());
    }

    #[test]
    fn owners_need_names_and_real_phones_and_no_control_characters() {
        let with = |name: &str, phone: Option<&str>| HouseholdChange {
            owners: Some(vec![OwnerInput { name: name.into(), phone: phone.map(Into::into), keep_phone_of: None }]),
            ..Default::default()
        };
        assert!(check(&with("", None)).is_err());
        assert!(check(&with("王\t建国", None)).is_err());
        assert!(check(&with("王建国", Some("12345"))).is_err());
        let checked = check(&with(" 王建国 ", Some("+86 139 0000 0001"))).unwrap();
        assert_eq!(checked.owners.unwrap()[0], OwnerEntry { name: "王建国".into(), phone: Some("13900000001".into()), keep_phone_of: None });
        assert!(check(&HouseholdChange { note: Some("两行\n备注".into()), ..Default::default() }).is_ok());
        assert!(check(&HouseholdChange { note: Some("bell\u{7}".into()), ..Default::default() }).is_err());
    }

    #[test]
    fn keeping_a_phone_takes_the_one_on_record_at_that_position_even_when_renamed() {
        let recorded = vec![owner("王建国", Some("13900000001")), owner("陈秀英", Some("13900000002"))];
        let entries = vec![
            OwnerEntry { name: "陈秀英".into(), phone: None, keep_phone_of: Some(1) },
            OwnerEntry { name: "王建华".into(), phone: None, keep_phone_of: Some(0) },
            OwnerEntry { name: "杨丽".into(), phone: None, keep_phone_of: Some(7) },
            OwnerEntry { name: "李桂芳".into(), phone: None, keep_phone_of: None },
        ];
        assert_eq!(
            owners_after(&recorded, &entries),
            vec![owner("陈秀英", Some("13900000002")), owner("王建华", Some("13900000001")), owner("杨丽", None), owner("李桂芳", None)]
        );
    }

    #[test]
    fn the_audit_line_names_what_changed() {
        let before = vec![owner("王建国", Some("13900000001"))];
        let after = vec![owner("王建国", Some("13900000001")), owner("陈秀英", None)];
        assert_eq!(describe(8950, 9205, &before, Some(&after), "", "x"), "area 89.50 -> 92.05; owners 王建国 -> 王建国、陈秀英; note changed");
        assert_eq!(describe(8950, 8950, &before, Some(&before), "x", "x"), "");
    }
}
