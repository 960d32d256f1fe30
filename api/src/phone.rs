//! Mainland China mobile numbers, parsed once at the edge.

use serde::{Deserialize, Serialize};

/// A valid mainland mobile number: 11 digits, starting 13–19.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber(String);

impl PhoneNumber {
    /// Accepts spaces, dashes and a leading +86 or 86, as people type them.
    pub fn parse(raw: &str) -> Option<Self> {
        let digits: String = raw
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '(' | ')'))
            .collect();
        let digits = digits
            .strip_prefix("+86")
            .or_else(|| digits.strip_prefix("0086"))
            .unwrap_or(&digits);
        let digits = if digits.len() == 13 { digits.strip_prefix("86").unwrap_or(digits) } else { digits };
        let bytes = digits.as_bytes();
        let valid = bytes.len() == 11
            && bytes.iter().all(u8::is_ascii_digit)
            && bytes[0] == b'1'
            && (b'3'..=b'9').contains(&bytes[1]);
        valid.then(|| Self(digits.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form shown to anyone who does not need the whole number: `138****5678`.
    pub fn masked(&self) -> String {
        mask_phone(&self.0)
    }
}

/// Masks the middle four digits of an 11-digit number; anything else is masked whole.
pub fn mask_phone(phone: &str) -> String {
    if phone.len() == 11 && phone.is_ascii() {
        format!("{}****{}", &phone[..3], &phone[7..])
    } else {
        "****".to_owned()
    }
}

impl TryFrom<String> for PhoneNumber {
    type Error = &'static str;
    fn try_from(raw: String) -> Result<Self, Self::Error> {
        Self::parse(&raw).ok_or("not a mainland mobile number")
    }
}

impl From<PhoneNumber> for String {
    fn from(phone: PhoneNumber) -> Self {
        phone.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_common_ways_of_typing_a_number() {
        for raw in ["13812345678", "138 1234 5678", "+86 138-1234-5678", "8613812345678"] {
            assert_eq!(PhoneNumber::parse(raw).unwrap().as_str(), "13812345678", "{raw}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_mobile_number() {
        for raw in ["", "12812345678", "1381234567", "138123456789", "1381234567a", "０１２"] {
            assert!(PhoneNumber::parse(raw).is_none(), "{raw}");
        }
    }

    #[test]
    fn masks_the_middle_four_digits() {
        assert_eq!(PhoneNumber::parse("13812345678").unwrap().masked(), "138****5678");
        assert_eq!(mask_phone("12345"), "****");
    }
}
