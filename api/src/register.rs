//! The household register (房屋台账): importing the property company's ledger, editing one
//! household, residents moving out, and the register's export.

use serde::{Deserialize, Serialize};

use crate::community::HouseholdLabel;
use crate::ids::UserId;

/// Limits shared by the import, the household editor and the app's forms.
pub mod limits {
    /// Rows of one ledger file; a bigger community imports building by building.
    pub const LEDGER_MAX_ROWS: usize = 20_000;
    /// Bytes of one ledger file (CSV or XLSX).
    pub const LEDGER_MAX_BYTES: usize = 8 * 1024 * 1024;
    /// Building, unit and room names.
    pub const PLACE_MAX_CHARS: usize = 20;
    /// Exclusive floor area, in hundredths of m²: (0, 10 000 m²].
    pub const AREA_MAX_CENTI_M2: i64 = 1_000_000;
    /// Owners of record of one household.
    pub const OWNERS_MAX: usize = 6;
    /// Staff's note on a household.
    pub const NOTE_MAX_CHARS: usize = 200;
    /// Row problems listed in a preview; the total is always given.
    pub const PROBLEMS_LISTED: usize = 200;
}

/// A column of the ledger, recognised by its Chinese or English header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LedgerColumn {
    /// 楼栋 / building
    Building,
    /// 单元 / unit (may be empty where a building has no units)
    Unit,
    /// 房号 / room
    Room,
    /// 专有面积 / exclusive floor area in m², at most two decimals
    FloorArea,
    /// 业主 / owner names, several separated by 、 , ; or /
    OwnerNames,
    /// 业主电话 / owner phones, in the order of the names
    OwnerPhones,
}

impl LedgerColumn {
    pub const ALL: [LedgerColumn; 6] = [
        LedgerColumn::Building,
        LedgerColumn::Unit,
        LedgerColumn::Room,
        LedgerColumn::FloorArea,
        LedgerColumn::OwnerNames,
        LedgerColumn::OwnerPhones,
    ];

    /// Columns a ledger must have; the others may be absent.
    pub const REQUIRED: [LedgerColumn; 3] = [LedgerColumn::Building, LedgerColumn::Room, LedgerColumn::FloorArea];

    pub fn as_str(self) -> &'static str {
        match self {
            LedgerColumn::Building => "building",
            LedgerColumn::Unit => "unit",
            LedgerColumn::Room => "room",
            LedgerColumn::FloorArea => "floor_area",
            LedgerColumn::OwnerNames => "owner_names",
            LedgerColumn::OwnerPhones => "owner_phones",
        }
    }
}

/// What is wrong with one cell of the ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LedgerProblem {
    /// The cell is empty but must not be.
    Missing,
    /// Longer than allowed.
    TooLong,
    /// Holds a control character (a tab, a line break inside a name…).
    ControlCharacter,
    /// The same building, unit and room appear on an earlier line.
    DuplicateRoom,
    /// Not a number of m² with at most two decimals.
    AreaNotANumber,
    /// Zero or above 10 000 m².
    AreaOutOfRange,
    /// Not a mainland mobile number.
    PhoneInvalid,
    /// More phones than owner names, or more than six owners.
    OwnersMismatch,
}

impl LedgerProblem {
    pub fn as_str(self) -> &'static str {
        match self {
            LedgerProblem::Missing => "missing",
            LedgerProblem::TooLong => "too_long",
            LedgerProblem::ControlCharacter => "control_character",
            LedgerProblem::DuplicateRoom => "duplicate_room",
            LedgerProblem::AreaNotANumber => "area_not_a_number",
            LedgerProblem::AreaOutOfRange => "area_out_of_range",
            LedgerProblem::PhoneInvalid => "phone_invalid",
            LedgerProblem::OwnersMismatch => "owners_mismatch",
        }
    }
}

/// One bad cell: the file's line (as a spreadsheet numbers it, the header included), its
/// column, why, and what it held (cut to 40 characters).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LedgerRowProblem {
    pub line: u32,
    pub column: LedgerColumn,
    pub problem: LedgerProblem,
    pub value: String,
}

/// What an import would do (a preview) or did. Nothing is written while `problems_total`
/// is above zero.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportSummary {
    /// Households the file lists.
    pub rows: u32,
    pub buildings_new: u32,
    pub units_new: u32,
    pub households_new: u32,
    /// Households whose area or owners the file changes.
    pub households_changed: u32,
    pub households_unchanged: u32,
    /// The first problems, in file order (at most `limits::PROBLEMS_LISTED`).
    pub problems: Vec<LedgerRowProblem>,
    pub problems_total: u32,
    /// True when the register was written (never in a preview, never with problems).
    pub applied: bool,
}

/// An owner of record, as the ledger names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Owner {
    pub name: String,
    /// Staff see it masked (`139****0001`) unless they reveal it.
    pub phone_masked: Option<String>,
}

/// A household as the register lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegisterEntry {
    pub household: HouseholdLabel,
    pub floor_area_centi_m2: i64,
    pub owners: Vec<Owner>,
    pub resident_count: i64,
}

/// One page of the register, in building, unit and room order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegisterPage {
    pub entries: Vec<RegisterEntry>,
    /// Pass as `after` for the next page; absent on the last page.
    pub next: Option<String>,
    pub households_total: i64,
}

/// A resident of a household, as staff see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HouseholdResident {
    pub id: UserId,
    pub name: String,
    pub phone_masked: String,
    pub is_owner: bool,
}

/// One household with its owners, residents and staff's note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HouseholdDetail {
    pub household: HouseholdLabel,
    pub floor_area_centi_m2: i64,
    pub owners: Vec<Owner>,
    pub note: String,
    pub residents: Vec<HouseholdResident>,
}

/// An owner as staff type them in the household editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OwnerInput {
    pub name: String,
    /// Empty or absent when the ledger has no phone; an owner whose masked phone is kept
    /// unchanged sends `keep_phone_of` instead.
    #[serde(default)]
    pub phone: Option<String>,
    /// Keep the phone of the owner at this position (from 0) among the owners on record, as
    /// the household's page listed them, so that correcting an owner's name keeps the phone.
    #[serde(default)]
    pub keep_phone_of: Option<u32>,
}

/// Staff's change of one household; absent fields stay as they are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HouseholdChange {
    /// Exclusive floor area in hundredths of m².
    #[serde(default)]
    pub floor_area_centi_m2: Option<i64>,
    #[serde(default)]
    pub owners: Option<Vec<OwnerInput>>,
    #[serde(default)]
    pub note: Option<String>,
}

/// `?apply=true` writes the register; without it the import is a preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct ImportQuery {
    #[serde(default)]
    pub apply: Option<bool>,
}

/// A page of the register: after the cursor of the previous page, at most `limit` (1–100, default 50).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct RegisterQuery {
    #[serde(default)]
    pub after: Option<String>,
    #[serde(default)]
    pub limit: Option<u32>,
}

/// The content types a ledger may be sent as.
pub const LEDGER_TYPES: [&str; 5] = [
    "text/csv",
    "text/plain",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.ms-excel",
    "application/octet-stream",
];
