//! Reading a property company's household ledger (房屋台账) into checked rows. Staff upload
//! whatever their spreadsheet saved (XLSX, or CSV in UTF-8 or GB18030), so the reader finds
//! the header itself and reports every bad cell at once, on the line the spreadsheet shows.
//!
//! Pure: bytes in, rows and problems out; storing them is the import's business.

use std::borrow::Cow;
use std::collections::HashSet;
use std::io::Cursor;
use std::panic::AssertUnwindSafe;

use calamine::{DataRef, Reader, Xlsx};
use linli_api::auth::limits::NAME_MAX_CHARS;
use linli_api::register::limits::{AREA_MAX_CENTI_M2, LEDGER_MAX_ROWS, OWNERS_MAX, PLACE_MAX_CHARS};
use linli_api::register::{LedgerColumn, LedgerProblem, LedgerRowProblem};
use linli_api::PhoneNumber;

/// Ledgers often carry a title row or two (小区名称, 导出日期) above the header.
const HEADER_SEARCH_ROWS: usize = 10;
/// How much of a bad cell a problem quotes.
const PROBLEM_VALUE_MAX_CHARS: usize = 40;
/// Cells further right are ignored: no ledger is that wide, and a sparse sheet claiming a
/// far-away cell must not make every row that long.
const WORKBOOK_MAX_COLUMNS: usize = 64;
/// What a workbook's parts may claim to unpack to in total; a 20 000-row ledger needs a few
/// tens of MB, while a crafted 8 MB zip could otherwise unpack to gigabytes.
const WORKBOOK_MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;

const ZIP_SIGNATURE: &[u8] = b"PK\x03\x04";
const OLE_SIGNATURE: &[u8] = b"\xD0\xCF\x11\xE0";
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// People list several owners in one cell with whatever separator their keyboard offers.
const OWNER_SEPARATORS: [char; 7] = ['、', ',', '，', ';', '；', '/', '／'];
/// Compared after ASCII lower-casing, so `M2` and `M²` count too.
const AREA_UNITS: [&str; 5] = ["㎡", "m²", "m2", "平方米", "平米"];

/// Header spellings after [`normalise_header`]; the first matching cell of a row wins.
#[rustfmt::skip]
const COLUMN_NAMES: [(LedgerColumn, &[&str]); 6] = [
    (LedgerColumn::Building, &["楼栋", "楼栋号", "楼号", "栋", "栋号", "幢", "幢号", "楼宇", "building", "bldg", "block"]),
    (LedgerColumn::Unit, &["单元", "单元号", "unit"]),
    (LedgerColumn::Room, &["房号", "房间号", "室号", "门牌号", "户号", "room", "roomno", "door"]),
    (LedgerColumn::FloorArea, &[
        "专有面积", "专有部分面积", "套内面积", "套内建筑面积", "面积", "建筑面积", "房屋面积",
        "area", "floorarea", "exclusivearea",
    ]),
    (LedgerColumn::OwnerNames, &[
        "业主", "业主姓名", "产权人", "房主", "姓名", "owner", "owners", "ownername", "ownernames",
    ]),
    (LedgerColumn::OwnerPhones, &[
        "电话", "手机", "手机号", "联系电话", "业主电话", "业主手机",
        "phone", "phones", "mobile", "ownerphone", "ownerphones",
    ]),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerOwner {
    pub name: String,
    /// Normalised to 11 digits.
    pub phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerRow {
    /// As a spreadsheet numbers it, title and header rows included.
    pub line: u32,
    pub building: String,
    /// Empty where the building has no units.
    pub unit: String,
    pub room: String,
    pub area_centi_m2: i64,
    pub owners: Vec<LedgerOwner>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ledger {
    /// Only the rows without problems.
    pub rows: Vec<LedgerRow>,
    /// In file order.
    pub problems: Vec<LedgerRowProblem>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LedgerError {
    /// Neither XLSX/XLS nor text in UTF-8 (with or without BOM) or GB18030; or an unreadable workbook.
    #[error("the file is neither an .xlsx workbook nor text in UTF-8 or GB18030")]
    Unreadable,
    /// No header row naming these required columns was found in the first 10 rows.
    #[error("no header row in the first rows names the columns {0:?}")]
    MissingColumns(Vec<LedgerColumn>),
    /// More than `LEDGER_MAX_ROWS` data rows.
    #[error("the ledger has more than {LEDGER_MAX_ROWS} rows")]
    TooManyRows,
    /// A header row but no data rows.
    #[error("the ledger has a header but no rows")]
    Empty,
}

/// Reads a ledger file: an XLSX workbook's first sheet, or CSV / tab-separated text.
pub fn read_ledger(bytes: &[u8]) -> Result<Ledger, LedgerError> {
    let mut builder = LedgerBuilder::new();
    if bytes.starts_with(ZIP_SIGNATURE) {
        read_xlsx(bytes, &mut builder)?;
    } else if bytes.starts_with(OLE_SIGNATURE) {
        // Old .xls: calamine parses it whole on opening and sizes each sheet's grid by the cell
        // positions the file claims, so a few hundred crafted bytes could exhaust the server's
        // memory. Staff re-save as .xlsx (another OLE file is an encrypted .xlsx, unreadable anyway).
        return Err(LedgerError::Unreadable);
    } else {
        read_text(&decode_text(bytes)?, &mut builder)?;
    }
    builder.finish()
}

fn decode_text(bytes: &[u8]) -> Result<Cow<'_, str>, LedgerError> {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Cow::Borrowed(text));
    }
    // Excel on Chinese Windows saves "CSV" in the system code page, GBK, which GB18030 contains.
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    if had_errors {
        Err(LedgerError::Unreadable)
    } else {
        Ok(text)
    }
}

fn read_text(text: &str, builder: &mut LedgerBuilder) -> Result<(), LedgerError> {
    // A title line may have neither separator, so judge by the first line that has one.
    let first_separated_line = text.lines().find(|line| line.contains([',', '\t'])).unwrap_or("");
    let delimiter = if first_separated_line.contains(',') { b',' } else { b'\t' };
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    for record in reader.records() {
        let record = record.map_err(|_| LedgerError::Unreadable)?;
        let line = record.position().map_or(u32::MAX, |position| record_line(text, position));
        builder.push_row(line, &record.iter().collect::<Vec<_>>())?;
    }
    Ok(())
}

/// The line a record starts on; a quoted cell may go on over the next lines. csv gives the
/// position where it began reading, before any blank lines it skipped on the way.
fn record_line(text: &str, position: &csv::Position) -> u32 {
    let from_position =
        text.as_bytes().get(usize::try_from(position.byte()).unwrap_or(usize::MAX)..).unwrap_or_default();
    let blank_lines = from_position.iter().take_while(|b| matches!(b, b'\r' | b'\n')).filter(|b| **b == b'\n').count();
    u32::try_from(position.line().saturating_add(blank_lines as u64)).unwrap_or(u32::MAX)
}

fn read_xlsx(bytes: &[u8], builder: &mut LedgerBuilder) -> Result<(), LedgerError> {
    if !unpacked_size_within(bytes, WORKBOOK_MAX_UNPACKED_BYTES) {
        return Err(LedgerError::Unreadable);
    }
    let mut workbook = without_panics(|| Xlsx::new(Cursor::new(bytes)))?;
    let first_sheet = workbook.sheet_names().into_iter().next().ok_or(LedgerError::Unreadable)?;
    // Cell by cell rather than `worksheet_range`, whose grid spans the sheet's furthest cell
    // however empty the sheet is, and so that reading stops as soon as the rows are too many.
    let mut cells = without_panics(|| workbook.worksheet_cells_reader(&first_sheet))?;
    let mut row_index = None;
    let mut row: Vec<String> = Vec::new();
    while let Some(cell) = without_panics(|| cells.next_cell())? {
        let (cell_row, cell_column) = cell.get_position();
        if row_index != Some(cell_row) {
            if let Some(finished) = row_index {
                builder.push_row(spreadsheet_line(finished), &row)?;
            }
            row_index = Some(cell_row);
            row.clear();
        }
        let column = cell_column as usize;
        if column < WORKBOOK_MAX_COLUMNS {
            if row.len() <= column {
                row.resize(column + 1, String::new());
            }
            row[column] = cell_text(cell.get_value());
        }
    }
    if let Some(finished) = row_index {
        builder.push_row(spreadsheet_line(finished), &row)?;
    }
    Ok(())
}

/// calamine inflates the shared strings whole when it opens a workbook. zip refuses to inflate
/// a part beyond its declared size, so bounding the declared total bounds the memory and time.
fn unpacked_size_within(bytes: &[u8], limit: u64) -> bool {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return false;
    };
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        match archive.by_index_raw(index) {
            Ok(part) => total = total.saturating_add(part.size()),
            Err(_) => return false,
        }
    }
    total <= limit
}

/// calamine counts rows from 0; spreadsheets from 1.
fn spreadsheet_line(row_index: u32) -> u32 {
    row_index.saturating_add(1)
}

/// A cell as the spreadsheet shows it, so numbers read like text typed into a CSV.
fn cell_text(value: &DataRef<'_>) -> String {
    match value {
        DataRef::Empty => String::new(),
        DataRef::String(text) | DataRef::DateTimeIso(text) | DataRef::DurationIso(text) => text.clone(),
        DataRef::SharedString(text) => (*text).to_owned(),
        DataRef::Int(number) => number.to_string(),
        // The shortest decimal that reads back as the same f64, without ".0" when whole: a room
        // typed as 501 reads "501", an area of 89.5 reads "89.5" and parses exactly like text.
        DataRef::Float(number) => number.to_string(),
        DataRef::Bool(value) => value.to_string(),
        DataRef::DateTime(date) => date.to_string(),
        DataRef::Error(error) => error.to_string(),
    }
}

/// calamine can panic on some damaged files (an overflowing cell reference, where overflow is
/// checked); to the uploader that is just an unreadable file. After a panic nothing the call
/// touched is used again.
fn without_panics<T, E>(call: impl FnOnce() -> Result<T, E>) -> Result<T, LedgerError> {
    match std::panic::catch_unwind(AssertUnwindSafe(call)) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(_)) | Err(_) => Err(LedgerError::Unreadable),
    }
}

/// Takes the file's rows in order, from either format: finds the header among the first
/// non-empty rows, then checks each data row.
struct LedgerBuilder {
    header: Option<HeaderColumns>,
    rows_searched_for_header: usize,
    /// What the most promising header candidate lacks, reported if no row qualifies.
    fewest_missing: Vec<LedgerColumn>,
    data_rows: usize,
    rooms_seen: HashSet<(String, String, String)>,
    ledger: Ledger,
}

impl LedgerBuilder {
    fn new() -> Self {
        Self {
            header: None,
            rows_searched_for_header: 0,
            fewest_missing: LedgerColumn::REQUIRED.to_vec(),
            data_rows: 0,
            rooms_seen: HashSet::new(),
            ledger: Ledger { rows: Vec::new(), problems: Vec::new() },
        }
    }

    /// An error stops reading: the answer is known without the rest of the file.
    fn push_row(&mut self, line: u32, raw_cells: &[impl AsRef<str>]) -> Result<(), LedgerError> {
        let cells: Vec<&str> = raw_cells.iter().map(|cell| cell.as_ref().trim()).collect();
        if cells.iter().all(|cell| cell.is_empty()) {
            return Ok(());
        }
        let Some(header) = &self.header else {
            return self.consider_as_header(&cells);
        };
        self.data_rows += 1;
        if self.data_rows > LEDGER_MAX_ROWS {
            return Err(LedgerError::TooManyRows);
        }
        match check_row(line, &cells, header, &mut self.rooms_seen) {
            Ok(row) => self.ledger.rows.push(row),
            Err(problems) => self.ledger.problems.extend(problems),
        }
        Ok(())
    }

    fn consider_as_header(&mut self, cells: &[&str]) -> Result<(), LedgerError> {
        let columns = HeaderColumns::recognise(cells);
        let missing = columns.missing_required();
        if missing.is_empty() {
            self.header = Some(columns);
            return Ok(());
        }
        if missing.len() < self.fewest_missing.len() {
            self.fewest_missing = missing;
        }
        self.rows_searched_for_header += 1;
        if self.rows_searched_for_header == HEADER_SEARCH_ROWS {
            return Err(LedgerError::MissingColumns(self.fewest_missing.clone()));
        }
        Ok(())
    }

    fn finish(self) -> Result<Ledger, LedgerError> {
        if self.header.is_none() {
            Err(LedgerError::MissingColumns(self.fewest_missing))
        } else if self.data_rows == 0 {
            Err(LedgerError::Empty)
        } else {
            Ok(self.ledger)
        }
    }
}

/// Where each recognised column sits in the header row.
struct HeaderColumns(Vec<(LedgerColumn, usize)>);

impl HeaderColumns {
    fn recognise(cells: &[&str]) -> Self {
        let mut found: Vec<(LedgerColumn, usize)> = Vec::new();
        for (position, cell) in cells.iter().enumerate() {
            if let Some(column) = column_named(cell) {
                if !found.iter().any(|(known, _)| *known == column) {
                    found.push((column, position));
                }
            }
        }
        Self(found)
    }

    fn missing_required(&self) -> Vec<LedgerColumn> {
        LedgerColumn::REQUIRED.into_iter().filter(|column| self.position(*column).is_none()).collect()
    }

    fn position(&self, column: LedgerColumn) -> Option<usize> {
        self.0.iter().find(|(known, _)| *known == column).map(|(_, position)| *position)
    }

    /// A data row's cell in `column`; empty when the ledger lacks the column or the row is short.
    fn cell<'a>(&self, cells: &[&'a str], column: LedgerColumn) -> &'a str {
        self.position(column).and_then(|position| cells.get(position)).copied().unwrap_or("")
    }
}

fn column_named(header: &str) -> Option<LedgerColumn> {
    let name = normalise_header(header);
    COLUMN_NAMES.iter().find(|(_, names)| names.contains(&name.as_str())).map(|(column, _)| *column)
}

/// Lower case, no whitespace, and no trailing unit in parentheses: `Floor area (m²)` and
/// `面积（平方米）` become `floorarea` and `面积`.
fn normalise_header(header: &str) -> String {
    let compact: String = header.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect();
    let without_unit = match compact.strip_suffix([')', '）']) {
        Some(inner) => inner.rfind(['(', '（']).map_or(compact.as_str(), |open| &compact[..open]),
        None => compact.as_str(),
    };
    without_unit.to_owned()
}

/// All of a data row's problems, one per bad column, or the row when it has none.
fn check_row(
    line: u32,
    cells: &[&str],
    header: &HeaderColumns,
    rooms_seen: &mut HashSet<(String, String, String)>,
) -> Result<LedgerRow, Vec<LedgerRowProblem>> {
    let cell = |column| header.cell(cells, column);
    let mut problems = Vec::new();
    let mut report = |column, problem, value: &str| {
        let value = value.chars().take(PROBLEM_VALUE_MAX_CHARS).collect();
        problems.push(LedgerRowProblem { line, column, problem, value });
    };

    let (building, unit, room) = (cell(LedgerColumn::Building), cell(LedgerColumn::Unit), cell(LedgerColumn::Room));
    let room_problem = check_place(room, true);
    for (column, value, problem) in [
        (LedgerColumn::Building, building, check_place(building, true)),
        (LedgerColumn::Unit, unit, check_place(unit, false)),
        (LedgerColumn::Room, room, room_problem),
    ] {
        if let Some(problem) = problem {
            report(column, problem, value);
        }
    }
    // Bad rows count as earlier rows too: fixing one line must not reveal a new duplicate.
    if !building.is_empty() && !room.is_empty() {
        let key = (building.to_ascii_lowercase(), unit.to_ascii_lowercase(), room.to_ascii_lowercase());
        if !rooms_seen.insert(key) && room_problem.is_none() {
            report(LedgerColumn::Room, LedgerProblem::DuplicateRoom, room);
        }
    }

    let area_cell = cell(LedgerColumn::FloorArea);
    let area = parse_area(area_cell).map_err(|problem| report(LedgerColumn::FloorArea, problem, area_cell)).ok();

    let names_cell = cell(LedgerColumn::OwnerNames);
    let names = split_owners(names_cell);
    if let Some(problem) = check_names(&names) {
        report(LedgerColumn::OwnerNames, problem, names_cell);
    }
    let phones_cell = cell(LedgerColumn::OwnerPhones);
    let phone_parts = split_phones(phones_cell);
    let phones: Result<Vec<Option<String>>, &str> = phone_parts
        .iter()
        .map(|part| match part.is_empty() {
            true => Ok(None),
            false => PhoneNumber::parse(part).map(|phone| Some(String::from(phone))).ok_or(*part),
        })
        .collect();
    let phones = match phones {
        Err(bad_part) => {
            report(LedgerColumn::OwnerPhones, LedgerProblem::PhoneInvalid, bad_part);
            Vec::new()
        }
        Ok(phones) if phones.len() > names.len() => {
            report(LedgerColumn::OwnerPhones, LedgerProblem::OwnersMismatch, phones_cell);
            Vec::new()
        }
        Ok(phones) => phones,
    };

    match area {
        Some(area_centi_m2) if problems.is_empty() => {
            let mut phones = phones.into_iter();
            let owners = names.iter().map(|name| LedgerOwner { name: (*name).to_owned(), phone: phones.next().flatten() });
            Ok(LedgerRow {
                line,
                building: building.to_owned(),
                unit: unit.to_owned(),
                room: room.to_owned(),
                area_centi_m2,
                owners: owners.collect(),
            })
        }
        _ => Err(problems),
    }
}

fn check_place(value: &str, required: bool) -> Option<LedgerProblem> {
    if value.is_empty() {
        required.then_some(LedgerProblem::Missing)
    } else {
        check_text(value, PLACE_MAX_CHARS)
    }
}

/// A control character is reported before the length: a stray line break is the likelier fix.
fn check_text(value: &str, max_chars: usize) -> Option<LedgerProblem> {
    if value.chars().any(char::is_control) {
        Some(LedgerProblem::ControlCharacter)
    } else if value.chars().count() > max_chars {
        Some(LedgerProblem::TooLong)
    } else {
        None
    }
}

fn check_names(names: &[&str]) -> Option<LedgerProblem> {
    names
        .iter()
        .find_map(|name| check_text(name, NAME_MAX_CHARS))
        .or((names.len() > OWNERS_MAX).then_some(LedgerProblem::OwnersMismatch))
}

fn split_owners(cell: &str) -> Vec<&str> {
    cell.split(OWNER_SEPARATORS).map(str::trim).filter(|part| !part.is_empty()).collect()
}

/// Phones stand at their owners' positions, so an owner without one leaves an empty part:
/// in `、13900000002` the phone is the second owner's (the register's export writes that).
fn split_phones(cell: &str) -> Vec<&str> {
    let mut parts: Vec<&str> = cell.split(OWNER_SEPARATORS).map(str::trim).collect();
    while parts.last().is_some_and(|part| part.is_empty()) {
        parts.pop();
    }
    parts
}

/// Square metres with at most two decimals, in hundredths. Done on the digits rather than
/// through f64, so "89.5" is exactly 8950 and "89.505" is refused rather than rounded.
fn parse_area(cell: &str) -> Result<i64, LedgerProblem> {
    if cell.is_empty() {
        return Err(LedgerProblem::Missing);
    }
    let text: String = cell.chars().map(to_half_width).collect::<String>().to_ascii_lowercase();
    let number = AREA_UNITS.iter().find_map(|unit| text.strip_suffix(unit)).unwrap_or(&text).trim_end();
    let (whole, fraction) = number.split_once('.').unwrap_or((number, "0"));
    let all_digits = |digits: &str| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(whole) || !all_digits(fraction) || fraction.len() > 2 {
        return Err(LedgerProblem::AreaNotANumber);
    }
    let hundredths = format!("{whole}{fraction:0<2}");
    let significant = hundredths.trim_start_matches('0');
    // Far above the limit already; stopping here keeps the parse below from overflowing.
    if significant.len() > 9 {
        return Err(LedgerProblem::AreaOutOfRange);
    }
    // Only digits remain, and none at all means zero.
    let centi_m2: i64 = significant.parse().unwrap_or(0);
    if (1..=AREA_MAX_CENTI_M2).contains(&centi_m2) {
        Ok(centi_m2)
    } else {
        Err(LedgerProblem::AreaOutOfRange)
    }
}

/// Chinese input methods in full-width mode type ０-９ and ．
fn to_half_width(c: char) -> char {
    match c {
        '０'..='９' | '．' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use LedgerColumn::*;
    use LedgerProblem::*;

    const HEADER: &str = "楼栋,单元,房号,专有面积（㎡）,业主,联系电话\n";

    fn read(text: &str) -> Result<Ledger, LedgerError> {
        read_ledger(text.as_bytes())
    }

    fn problems_of(text: &str) -> Vec<(u32, LedgerColumn, LedgerProblem, String)> {
        let ledger = read(text).unwrap();
        ledger.problems.into_iter().map(|p| (p.line, p.column, p.problem, p.value)).collect()
    }

    fn owner(name: &str, phone: Option<&str>) -> LedgerOwner {
        LedgerOwner { name: name.to_owned(), phone: phone.map(str::to_owned) }
    }

    fn row(
        line: u32,
        building: &str,
        unit: &str,
        room: &str,
        area_centi_m2: i64,
        owners: Vec<LedgerOwner>,
    ) -> LedgerRow {
        LedgerRow {
            line,
            building: building.to_owned(),
            unit: unit.to_owned(),
            room: room.to_owned(),
            area_centi_m2,
            owners,
        }
    }

    const CHINESE_LEDGER: &str = "阳光花园小区房屋台账,,,,,\n\
        楼栋,单元,房号,专有面积（㎡）,业主,联系电话\n\
        \n\
        1栋,1单元,101,89.50,张三,13900000001\n\
        1栋,1单元,\"102\",120,李四、王五,\"13900000002,13900000003\"\n";

    fn chinese_ledger_rows() -> Vec<LedgerRow> {
        vec![
            row(4, "1栋", "1单元", "101", 8950, vec![owner("张三", Some("13900000001"))]),
            row(
                5,
                "1栋",
                "1单元",
                "102",
                12000,
                vec![owner("李四", Some("13900000002")), owner("王五", Some("13900000003"))],
            ),
        ]
    }

    #[test]
    fn utf8_csv_with_a_title_row_above_chinese_headers() {
        let ledger = read(CHINESE_LEDGER).unwrap();
        assert_eq!(ledger.rows, chinese_ledger_rows());
        assert!(ledger.problems.is_empty());
    }

    #[test]
    fn lines_count_blank_lines_windows_line_ends_and_lines_inside_quotes() {
        let text = "楼栋,房号,面积\r\n\r\n\r\n1栋,101,80\r\n\"1\r\n栋\",102,80\r\n\r\n1栋,103,八十\r\n";
        let ledger = read(text).unwrap();
        assert_eq!(ledger.rows.iter().map(|row| row.line).collect::<Vec<_>>(), vec![4]);
        let problems: Vec<_> = ledger.problems.iter().map(|p| (p.line, p.column)).collect();
        assert_eq!(problems, vec![(5, Building), (8, FloorArea)]);
    }

    #[test]
    fn a_utf8_byte_order_mark_is_skipped() {
        let ledger = read("\u{feff}楼栋号,房号,面积\n2幢,201,75.3\n").unwrap();
        assert_eq!(ledger.rows, vec![row(2, "2幢", "", "201", 7530, vec![])]);
    }

    #[test]
    fn gb18030_text_is_decoded() {
        let (bytes, _, unmappable) = encoding_rs::GB18030.encode(CHINESE_LEDGER);
        assert!(!unmappable);
        assert!(std::str::from_utf8(&bytes).is_err(), "the test needs bytes that are not UTF-8");
        assert_eq!(read_ledger(&bytes).unwrap().rows, chinese_ledger_rows());
    }

    #[test]
    fn english_headers_in_any_case_with_units_in_parentheses() {
        let text =
            "Bldg, UNIT ,Room No,Floor area (m²),Owner Names,Mobile\nA,2,0301,89.5 m2,Alice Smith,+86 139 0000 0001\n";
        let ledger = read(text).unwrap();
        assert_eq!(ledger.rows, vec![row(2, "A", "2", "0301", 8950, vec![owner("Alice Smith", Some("13900000001"))])]);
    }

    #[test]
    fn tab_separated_text_may_hold_commas_in_cells() {
        let ledger = read("楼栋\t房号\t面积\t业主\n3栋\t301\t60\t张三,李四\n").unwrap();
        assert_eq!(ledger.rows, vec![row(2, "3栋", "", "301", 6000, vec![owner("张三", None), owner("李四", None)])]);
    }

    fn xlsx_ledger() -> Vec<u8> {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.write_string(0, 0, "阳光花园小区房屋台账").unwrap();
        for (column, header) in ["楼栋", "单元", "房号", "面积(㎡)", "业主", "业主电话"].into_iter().enumerate()
        {
            sheet.write_string(1, column as u16, header).unwrap();
        }
        sheet.write_string(2, 0, "1栋").unwrap();
        sheet.write_string(2, 1, "1单元").unwrap();
        sheet.write_number(2, 2, 501).unwrap();
        sheet.write_number(2, 3, 89.5).unwrap();
        sheet.write_string(2, 4, "张三").unwrap();
        sheet.write_number(2, 5, 13900000001_f64).unwrap();
        // Row 4 stays empty; row 5 has a problem, to check its line.
        sheet.write_string(4, 0, "1栋").unwrap();
        sheet.write_number(4, 2, 502).unwrap();
        sheet.write_number(4, 3, 89.505).unwrap();
        workbook.add_worksheet().write_string(0, 0, "not the ledger").unwrap();
        workbook.save_to_buffer().unwrap()
    }

    #[test]
    fn xlsx_numbers_read_as_typed() {
        let ledger = read_ledger(&xlsx_ledger()).unwrap();
        assert_eq!(ledger.rows, vec![row(3, "1栋", "1单元", "501", 8950, vec![owner("张三", Some("13900000001"))])]);
        let problem = LedgerRowProblem { line: 5, column: FloorArea, problem: AreaNotANumber, value: "89.505".into() };
        assert_eq!(ledger.problems, vec![problem]);
    }

    #[test]
    fn each_problem_names_its_line_and_column() {
        let long_name = "名".repeat(41);
        let text = format!(
            "{HEADER}\
            ,1,101,80,,\n\
            1栋,1,{room},80,,\n\
            \"1\n栋\",1,103,80,,\n\
            1栋,1,104,八十,,\n\
            1栋,1,105,0,,\n\
            1栋,1,106,80,张三,12345\n\
            1栋,1,107,80,张三,\"13900000001,13900000002\"\n\
            1栋,1,108,80,\"a,b,c,d,e,f,g\",\n\
            1栋,1,109,80,{long_name},\n\
            1栋,1,110,80,\"张\u{7}三\",\n\
            1栋,1,111,80,,\n\
            1栋,1,111,80,,\n",
            room = "1".repeat(PLACE_MAX_CHARS + 1),
        );
        let expected = vec![
            (2, Building, Missing, String::new()),
            (3, Room, TooLong, "1".repeat(PLACE_MAX_CHARS + 1)),
            (4, Building, ControlCharacter, "1\n栋".to_owned()),
            (6, FloorArea, AreaNotANumber, "八十".to_owned()),
            (7, FloorArea, AreaOutOfRange, "0".to_owned()),
            (8, OwnerPhones, PhoneInvalid, "12345".to_owned()),
            (9, OwnerPhones, OwnersMismatch, "13900000001,13900000002".to_owned()),
            (10, OwnerNames, OwnersMismatch, "a,b,c,d,e,f,g".to_owned()),
            (11, OwnerNames, TooLong, "名".repeat(40)),
            (12, OwnerNames, ControlCharacter, "张\u{7}三".to_owned()),
            (14, Room, DuplicateRoom, "111".to_owned()),
        ];
        assert_eq!(problems_of(&text), expected);
        let ledger = read(&text).unwrap();
        assert_eq!(ledger.rows.iter().map(|row| row.line).collect::<Vec<_>>(), vec![13]);
    }

    #[test]
    fn a_row_with_two_bad_cells_has_two_problems_and_no_row() {
        let ledger = read(&format!("{HEADER}1栋,1,,1e2,,\n")).unwrap();
        assert!(ledger.rows.is_empty());
        let problems: Vec<_> = ledger.problems.iter().map(|p| (p.line, p.column, p.problem)).collect();
        assert_eq!(problems, vec![(2, Room, Missing), (2, FloorArea, AreaNotANumber)]);
    }

    #[test]
    fn duplicate_rooms_ignore_spacing_and_ascii_case_and_count_bad_rows() {
        let text = format!(
            "{HEADER}A座,1单元,1a,80,,\n a座 ,1单元,1A,80,,\nA座,2单元,1a,80,,\nB座,,201,abc,,\nB座,,201,80,,\n"
        );
        let problems: Vec<_> =
            problems_of(&text).into_iter().map(|(line, column, problem, _)| (line, column, problem)).collect();
        assert_eq!(problems, vec![(3, Room, DuplicateRoom), (5, FloorArea, AreaNotANumber), (6, Room, DuplicateRoom)]);
    }

    #[test]
    fn areas_are_exact_hundredths() {
        let cases = [
            ("89", Ok(8900)),
            ("89.5", Ok(8950)),
            ("89.50", Ok(8950)),
            ("89.50㎡", Ok(8950)),
            ("89.5 M²", Ok(8950)),
            ("89.5平方米", Ok(8950)),
            ("０８９．５", Ok(8950)),
            ("0.01", Ok(1)),
            ("10000", Ok(1_000_000)),
            ("89.505", Err(AreaNotANumber)),
            ("1e2", Err(AreaNotANumber)),
            ("-5", Err(AreaNotANumber)),
            ("1,000", Err(AreaNotANumber)),
            ("89.", Err(AreaNotANumber)),
            ("㎡", Err(AreaNotANumber)),
            ("0", Err(AreaOutOfRange)),
            ("0.00", Err(AreaOutOfRange)),
            ("10000.01", Err(AreaOutOfRange)),
            ("99999999999999999999999", Err(AreaOutOfRange)),
        ];
        for (cell, expected) in cases {
            assert_eq!(parse_area(cell), expected, "{cell}");
        }
    }

    #[test]
    fn owners_take_the_phones_in_order() {
        let text = format!("{HEADER}1栋,1,101,80,张三、李四；王五,\"13900000001，+86 139 0000 0002\"\n");
        let owners = read(&text).unwrap().rows.remove(0).owners;
        let expected =
            vec![owner("张三", Some("13900000001")), owner("李四", Some("13900000002")), owner("王五", None)];
        assert_eq!(owners, expected);
        let text = format!("{HEADER}1栋,1,101,80,张三、李四,、13900000002\n");
        let owners = read(&text).unwrap().rows.remove(0).owners;
        assert_eq!(owners, vec![owner("张三", None), owner("李四", Some("13900000002"))], "a gap keeps the phone with its owner");
    }

    #[test]
    fn headers_are_recognised_loosely_and_the_first_of_a_kind_wins() {
        assert_eq!(column_named("面积(㎡)"), Some(FloorArea));
        assert_eq!(column_named("套内建筑面积（平方米）"), Some(FloorArea));
        assert_eq!(column_named(" Room No "), Some(Room));
        assert_eq!(column_named("楼　栋"), Some(Building));
        assert_eq!(column_named("备注"), None);
        let ledger = read("楼栋,房号,面积,面积\n1栋,101,80,abc\n").unwrap();
        assert_eq!(ledger.rows[0].area_centi_m2, 8000);
    }

    #[test]
    fn missing_columns_come_from_the_most_complete_candidate() {
        assert_eq!(read("阳光花园\n楼栋,房号,备注\n1栋,101,\n"), Err(LedgerError::MissingColumns(vec![FloorArea])));
        assert_eq!(read("a,b\n1,2\n"), Err(LedgerError::MissingColumns(vec![Building, Room, FloorArea])));
        assert_eq!(read(""), Err(LedgerError::MissingColumns(vec![Building, Room, FloorArea])));
    }

    #[test]
    fn the_header_must_be_among_the_first_ten_rows() {
        let titles = "标题\n\n".repeat(9);
        assert!(read(&format!("{titles}{HEADER}1栋,1,101,80,,\n")).is_ok());
        let too_low = format!("{titles}标题\n{HEADER}1栋,1,101,80,,\n");
        assert_eq!(read(&too_low), Err(LedgerError::MissingColumns(vec![Building, Room, FloorArea])));
    }

    #[test]
    fn a_header_without_rows_is_empty() {
        assert_eq!(read(&format!("{HEADER},,,,,\n\n  ,\u{3000}\n")), Err(LedgerError::Empty));
    }

    #[test]
    fn at_most_the_row_limit_is_read() {
        let rows = |count: usize| (1..=count).map(|room| format!("1栋,1,{room},80,,\n")).collect::<String>();
        assert_eq!(read(&format!("{HEADER}{}", rows(LEDGER_MAX_ROWS))).unwrap().rows.len(), LEDGER_MAX_ROWS);
        assert_eq!(read(&format!("{HEADER}{}", rows(LEDGER_MAX_ROWS + 1))), Err(LedgerError::TooManyRows));
    }

    #[test]
    fn unreadable_files() {
        let invalid_gb18030 = b"\xC2\xA5,\xFF\xFE\n";
        assert_eq!(read_ledger(invalid_gb18030), Err(LedgerError::Unreadable));
        let xlsx = xlsx_ledger();
        assert_eq!(read_ledger(&xlsx[..xlsx.len() / 2]), Err(LedgerError::Unreadable));
        assert_eq!(read_ledger(b"PK\x03\x04 not really a zip"), Err(LedgerError::Unreadable));
        assert_eq!(read_ledger(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 old xls"), Err(LedgerError::Unreadable));
    }

    #[test]
    fn a_workbook_claiming_too_much_unpacked_data_is_refused() {
        let xlsx = xlsx_ledger();
        assert!(unpacked_size_within(&xlsx, 1024 * 1024));
        assert!(!unpacked_size_within(&xlsx, 1024));
    }

    /// A small deterministic generator, so a failure can be reproduced.
    fn xorshift(state: &mut u64) -> u64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state
    }

    #[test]
    fn random_and_damaged_input_never_panics() {
        let mut state = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..2000 {
            let length = (xorshift(&mut state) % 300) as usize;
            let bytes: Vec<u8> = (0..length).map(|_| xorshift(&mut state) as u8).collect();
            let _ = read_ledger(&bytes);
            let mut text = HEADER.as_bytes().to_vec();
            text.extend(&bytes);
            let _ = read_ledger(&text);
        }
        let xlsx = xlsx_ledger();
        for cut in (0..xlsx.len()).step_by(97) {
            let _ = read_ledger(&xlsx[..cut]);
        }
        for _ in 0..300 {
            let mut damaged = xlsx.clone();
            let position = (xorshift(&mut state) as usize) % damaged.len();
            damaged[position] ^= (xorshift(&mut state) as u8) | 1;
            let _ = read_ledger(&damaged);
        }
    }
}
