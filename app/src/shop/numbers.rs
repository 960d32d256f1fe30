//! Numbers as merchants type them: prices in yuan (`28.8`) read exactly into integer fen, with
//! no floating point anywhere, and whole numbers (stock, limits, households). Phones' Chinese
//! keyboards may give full-width digits (`２８．８`); they count as the same digits.

/// Why a typed number was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    Empty,
    /// Not a number of the kind asked for (letters, a minus sign, three decimals, …).
    Invalid,
    /// More than any price or count can be.
    TooLarge,
}

/// Full-width digits and the full-width full stop as their ASCII twins; everything else as is.
fn half_width(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '．' => '.',
        other => other,
    }
}

/// The digits of a whole number, accumulated without overflow (`None` past `i64::MAX`).
fn digits_value(digits: &str) -> Option<i64> {
    digits.chars().try_fold(0_i64, |value, c| value.checked_mul(10)?.checked_add(i64::from(c.to_digit(10)?)))
}

/// A price typed in yuan as exact fen: `28.8` → 2880, `¥5` → 500, `.5` → 50, `28.80元` → 2880.
/// At most two decimals that are not zero (`28.805` is refused, `28.800` is 2880). Zero is a
/// number here; whether it is a valid price is the caller's rule.
pub fn parse_yuan(raw: &str) -> Result<i64, NumberError> {
    let text: String = raw.trim().chars().map(half_width).collect();
    let text = text.trim_start_matches(['¥', '￥']).trim_end_matches('元').trim();
    if text.is_empty() {
        return Err(NumberError::Empty);
    }
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let all_digits = |part: &str| part.chars().all(|c| c.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !all_digits(whole) || !all_digits(fraction) {
        return Err(NumberError::Invalid);
    }
    // Digits past the fen must be zeros: a price is never rounded behind the merchant's back.
    let (fen_digits, beyond) = fraction.split_at(fraction.len().min(2));
    if beyond.chars().any(|c| c != '0') {
        return Err(NumberError::Invalid);
    }
    let yuan = if whole.is_empty() { 0 } else { digits_value(whole).ok_or(NumberError::TooLarge)? };
    let fen = format!("{fen_digits:0<2}");
    let fen = digits_value(&fen).ok_or(NumberError::Invalid)?;
    yuan.checked_mul(100).and_then(|value| value.checked_add(fen)).ok_or(NumberError::TooLarge)
}

/// A whole number as typed: `500`, `５００`; no sign, no decimals.
pub fn parse_count(raw: &str) -> Result<i64, NumberError> {
    let text: String = raw.trim().chars().map(half_width).collect();
    if text.is_empty() {
        return Err(NumberError::Empty);
    }
    if !text.chars().all(|c| c.is_ascii_digit()) {
        return Err(NumberError::Invalid);
    }
    digits_value(&text).ok_or(NumberError::TooLarge)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yuan_become_exact_fen() {
        for (typed, fen) in [
            ("28.8", 2_880),
            ("28.80", 2_880),
            ("28", 2_800),
            ("28.", 2_800),
            ("0.01", 1),
            (".5", 50),
            ("0.1", 10),
            ("19.99", 1_999),
            // 0.1 + 0.2 is not 0.3 in floating point; here it never comes up.
            ("0.30", 30),
            (" ¥28.8 ", 2_880),
            ("￥3", 300),
            ("12.5元", 1_250),
            ("２８．８", 2_880),
            ("28.800", 2_880),
            ("100000", 10_000_000),
            ("0", 0),
        ] {
            assert_eq!(parse_yuan(typed), Ok(fen), "{typed}");
        }
    }

    #[test]
    fn what_is_not_a_price_in_yuan_is_refused() {
        assert_eq!(parse_yuan(""), Err(NumberError::Empty));
        assert_eq!(parse_yuan("  ¥ "), Err(NumberError::Empty));
        for bad in ["28.805", "2.8.8", "-5", "+5", "abc", "28,8", "1 000", ".", "1e3", "二十"] {
            assert_eq!(parse_yuan(bad), Err(NumberError::Invalid), "{bad}");
        }
        assert_eq!(parse_yuan("99999999999999999999"), Err(NumberError::TooLarge));
        assert_eq!(parse_yuan("92233720368547758.07"), Ok(i64::MAX));
        assert_eq!(parse_yuan("92233720368547758.08"), Err(NumberError::TooLarge), "just past i64::MAX fen");
    }

    #[test]
    fn counts_are_whole_numbers() {
        assert_eq!(parse_count(" 500 "), Ok(500));
        assert_eq!(parse_count("５０"), Ok(50));
        assert_eq!(parse_count("0"), Ok(0));
        assert_eq!(parse_count(""), Err(NumberError::Empty));
        for bad in ["2.5", "-1", "十", "1,000"] {
            assert_eq!(parse_count(bad), Err(NumberError::Invalid), "{bad}");
        }
        assert_eq!(parse_count("99999999999999999999"), Err(NumberError::TooLarge));
    }
}
