//! The register as CSV, in the ledger's own columns, so an export imports again unchanged.

use crate::community::ledger::LedgerOwner;

use super::edit::area_text;
use super::storage::RegisterRow;

/// The header the import recognises; Chinese, as the property companies' ledgers have it.
const HEADER: [&str; 6] = ["楼栋", "单元", "房号", "专有面积", "业主", "业主电话"];

/// UTF-8 with a byte-order mark: without it, Excel in China reads UTF-8 as GB18030.
pub fn register_csv(register: &[(RegisterRow, Vec<LedgerOwner>)]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record(HEADER)?;
    for (row, owners) in register {
        let names = owners.iter().map(|owner| owner.name.as_str()).collect::<Vec<_>>().join("、");
        // Phones keep their owner's position; an owner without one leaves a gap only
        // before a later phone, which the import reads back in order.
        let last_with_phone = owners.iter().rposition(|owner| owner.phone.is_some()).map_or(0, |i| i + 1);
        let phones = owners[..last_with_phone].iter().map(|owner| owner.phone.as_deref().unwrap_or("")).collect::<Vec<_>>().join("、");
        writer.write_record([
            row.label.building.as_str(),
            row.label.unit.as_str(),
            row.label.room.as_str(),
            area_text(row.area_centi_m2).as_str(),
            names.as_str(),
            phones.as_str(),
        ])?;
    }
    writer.into_inner().map_err(|error| csv::Error::from(error.into_error()))
}
