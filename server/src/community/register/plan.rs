//! What importing a ledger would change in the register: pure, over plain data.
//!
//! An import only adds and corrects; it never removes. Households the file does not list
//! stay, and a row without owners keeps the owners on record, so importing one building's
//! sheet never empties the others. An owner whose phone the file leaves out keeps the phone
//! on record under the same name.

use std::collections::{HashMap, HashSet};

use linli_api::ids::HouseholdId;

use crate::community::ledger::{LedgerOwner, LedgerRow};

/// A household as the register holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedHousehold {
    pub id: HouseholdId,
    pub building: String,
    pub unit: String,
    pub room: String,
    pub area_centi_m2: i64,
    pub owners: Vec<LedgerOwner>,
}

/// A household the file corrects, with what changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction<'a> {
    pub household: HouseholdId,
    pub row: &'a LedgerRow,
    /// The old and new area, when it changes.
    pub area: Option<(i64, i64)>,
    /// The owners to record, when they change.
    pub owners: Option<Vec<LedgerOwner>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportPlan<'a> {
    /// Buildings to create, as the file first spells them.
    pub new_buildings: Vec<&'a str>,
    /// Units to create: (building, unit) as the file first spells them.
    pub new_units: Vec<(&'a str, &'a str)>,
    pub new_households: Vec<&'a LedgerRow>,
    pub corrections: Vec<Correction<'a>>,
    pub unchanged: usize,
}

impl ImportPlan<'_> {
    pub fn changes_nothing(&self) -> bool {
        self.new_buildings.is_empty() && self.new_units.is_empty() && self.new_households.is_empty() && self.corrections.is_empty()
    }
}

/// How names are compared: trimmed, ASCII letters in either case (the ledger's duplicate
/// check compares the same way).
pub fn place_key(name: &str) -> String {
    name.trim().to_ascii_lowercase()
}

/// A household's place in the register's order: building, unit, room, with numbers
/// compared by value (2栋 before 10栋, 9 before 10).
pub fn sort_key(building: &str, unit: &str, room: &str) -> String {
    [building, unit, room].iter().map(|part| padded_numbers(&place_key(part))).collect::<Vec<_>>().join("\u{1f}")
}

/// Every run of ASCII digits left-padded to ten digits, so text order is number order.
fn padded_numbers(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 12);
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        if !digits.is_empty() {
            let trimmed = digits.trim_start_matches('0');
            for _ in trimmed.len()..10 {
                out.push('0');
            }
            out.push_str(trimmed);
            digits.clear();
        }
    };
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out);
    out
}

/// Compares the file with the register. `buildings` and `units` are the names on record
/// (units as building and unit name); `rows` are the ledger's valid rows.
pub fn plan<'a>(
    register: &[RecordedHousehold],
    buildings: &[String],
    units: &[(String, String)],
    rows: &'a [LedgerRow],
) -> ImportPlan<'a> {
    let recorded: HashMap<(String, String, String), &RecordedHousehold> = register
        .iter()
        .map(|household| ((place_key(&household.building), place_key(&household.unit), place_key(&household.room)), household))
        .collect();
    let mut known_buildings: HashSet<String> = buildings.iter().map(|name| place_key(name)).collect();
    let mut known_units: HashSet<(String, String)> = units.iter().map(|(b, u)| (place_key(b), place_key(u))).collect();
    let mut plan = ImportPlan::default();
    for row in rows {
        let (building, unit) = (place_key(&row.building), place_key(&row.unit));
        if known_buildings.insert(building.clone()) {
            plan.new_buildings.push(&row.building);
        }
        if known_units.insert((building.clone(), unit.clone())) {
            plan.new_units.push((&row.building, &row.unit));
        }
        match recorded.get(&(building, unit, place_key(&row.room))) {
            None => plan.new_households.push(row),
            Some(household) => match correction(household, row) {
                Some(correction) => plan.corrections.push(correction),
                None => plan.unchanged += 1,
            },
        }
    }
    plan
}

fn correction<'a>(household: &RecordedHousehold, row: &'a LedgerRow) -> Option<Correction<'a>> {
    let area = (household.area_centi_m2 != row.area_centi_m2).then_some((household.area_centi_m2, row.area_centi_m2));
    let owners = if row.owners.is_empty() {
        None
    } else {
        let merged = keep_known_phones(&household.owners, &row.owners);
        (merged != household.owners).then_some(merged)
    };
    (area.is_some() || owners.is_some()).then_some(Correction { household: household.id, row, area, owners })
}

/// The file's owners, each without a phone taking the phone on record under their name.
pub fn keep_known_phones(recorded: &[LedgerOwner], incoming: &[LedgerOwner]) -> Vec<LedgerOwner> {
    incoming
        .iter()
        .map(|owner| LedgerOwner {
            name: owner.name.clone(),
            phone: owner.phone.clone().or_else(|| {
                recorded.iter().find(|known| known.name == owner.name).and_then(|known| known.phone.clone())
            }),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owner(name: &str, phone: Option<&str>) -> LedgerOwner {
        LedgerOwner { name: name.into(), phone: phone.map(Into::into) }
    }

    fn row(building: &str, unit: &str, room: &str, area: i64, owners: Vec<LedgerOwner>) -> LedgerRow {
        LedgerRow { line: 2, building: building.into(), unit: unit.into(), room: room.into(), area_centi_m2: area, owners }
    }

    fn recorded(id: i64, building: &str, unit: &str, room: &str, area: i64, owners: Vec<LedgerOwner>) -> RecordedHousehold {
        RecordedHousehold { id: HouseholdId(id), building: building.into(), unit: unit.into(), room: room.into(), area_centi_m2: area, owners }
    }

    #[test]
    fn an_empty_register_gets_every_building_unit_and_household_once() {
        let rows = vec![
            row("1栋", "1单元", "101", 8950, vec![]),
            row("1栋", "1单元", "102", 9000, vec![]),
            row("1栋", "2单元", "101", 9000, vec![]),
            row("2栋", "1单元", "101", 9000, vec![]),
        ];
        let plan = super::plan(&[], &[], &[], &rows);
        assert_eq!(plan.new_buildings, vec!["1栋", "2栋"]);
        assert_eq!(plan.new_units, vec![("1栋", "1单元"), ("1栋", "2单元"), ("2栋", "1单元")]);
        assert_eq!(plan.new_households.len(), 4);
        assert!(plan.corrections.is_empty());
    }

    #[test]
    fn importing_the_register_again_changes_nothing() {
        let owners = vec![owner("王建国", Some("13900000001"))];
        let register = vec![recorded(7, "1栋", "1单元", "101", 8950, owners.clone())];
        let rows = vec![row("1栋", "1单元", "101", 8950, owners)];
        let plan = super::plan(&register, &["1栋".into()], &[("1栋".into(), "1单元".into())], &rows);
        assert!(plan.changes_nothing());
        assert_eq!(plan.unchanged, 1);
    }

    #[test]
    fn a_corrected_area_or_new_owners_correct_that_household_only() {
        let register = vec![
            recorded(7, "1栋", "1单元", "101", 8950, vec![owner("王建国", Some("13900000001"))]),
            recorded(8, "1栋", "1单元", "102", 9000, vec![]),
        ];
        let rows = vec![
            row("1栋", "1单元", "101", 9125, vec![]),
            row("1栋", "1单元", "102", 9000, vec![owner("刘洋", None)]),
        ];
        let plan = super::plan(&register, &["1栋".into()], &[("1栋".into(), "1单元".into())], &rows);
        assert_eq!(plan.corrections.len(), 2);
        assert_eq!(plan.corrections[0].area, Some((8950, 9125)));
        assert_eq!(plan.corrections[0].owners, None, "an empty owner cell keeps the owners on record");
        assert_eq!(plan.corrections[1].area, None);
        assert_eq!(plan.corrections[1].owners, Some(vec![owner("刘洋", None)]));
    }

    #[test]
    fn an_owner_without_a_phone_in_the_file_keeps_the_phone_on_record() {
        let register = vec![recorded(7, "1栋", "1单元", "101", 8950, vec![owner("王建国", Some("13900000001"))])];
        let rows = vec![row("1栋", "1单元", "101", 8950, vec![owner("王建国", None)])];
        let plan = super::plan(&register, &["1栋".into()], &[("1栋".into(), "1单元".into())], &rows);
        assert!(plan.changes_nothing(), "{plan:?}");
        let rows = vec![row("1栋", "1单元", "101", 8950, vec![owner("王建国", None), owner("陈秀英", None)])];
        let plan = super::plan(&register, &["1栋".into()], &[("1栋".into(), "1单元".into())], &rows);
        assert_eq!(plan.corrections[0].owners, Some(vec![owner("王建国", Some("13900000001")), owner("陈秀英", None)]));
    }

    #[test]
    fn names_match_whatever_the_case_of_their_letters() {
        let register = vec![recorded(7, "A座", "", "101", 8950, vec![])];
        let rows = vec![row("a座", "", "101", 8950, vec![])];
        let plan = super::plan(&register, &["A座".into()], &[("A座".into(), String::new())], &rows);
        assert!(plan.changes_nothing());
    }

    #[test]
    fn the_register_orders_numbers_by_value() {
        let mut keys = vec![sort_key("10栋", "1单元", "101"), sort_key("2栋", "1单元", "1001"), sort_key("2栋", "1单元", "901")];
        keys.sort();
        assert_eq!(keys, vec![sort_key("2栋", "1单元", "901"), sort_key("2栋", "1单元", "1001"), sort_key("10栋", "1单元", "101")]);
        assert!(sort_key("B座", "", "1") > sort_key("a座", "", "1"));
    }
}
