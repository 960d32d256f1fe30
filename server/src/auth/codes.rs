//! One-time codes staff hand to a person: to set a first password on an account they
//! opened, or a new one when a resident forgot theirs (there is no SMS here). Eight digits,
//! easy to read out and to type on a phone's number pad; stored only as a hash, used once,
//! short-lived, and tried under the same limits as signing in.

use chrono::Duration;
use rand::Rng;

/// How long a reset code works: long enough to walk home from the service centre.
pub const RESET_CODE_LIFETIME: Duration = Duration::minutes(30);
/// How long a new account's setup code works: a colleague may start tomorrow.
pub const SETUP_CODE_LIFETIME: Duration = Duration::hours(24);

const DIGITS: usize = 8;

pub fn new_code(rng: &mut impl Rng) -> String {
    (0..DIGITS).map(|_| char::from(b'0' + rng.gen_range(0..10u8))).collect()
}

/// `12345678` as shown: `1234 5678`.
pub fn display_code(code: &str) -> String {
    if code.len() == DIGITS {
        format!("{} {}", &code[..4], &code[4..])
    } else {
        code.to_owned()
    }
}

/// What people type (spaces, dashes, full-width digits) to the stored form.
pub fn normalize_code(raw: &str) -> String {
    raw.chars()
        .filter_map(|c| match c {
            '0'..='9' => Some(c),
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            _ => None,
        })
        .collect()
}

/// The stored form: bound to the account, so one hash never matches another's code.
pub fn code_hash(user: i64, code: &str) -> String {
    super::token::hash_token(&format!("{user}:{code}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_eight_digits_shown_in_two_groups_and_typed_any_way() {
        let code = new_code(&mut rand::thread_rng());
        assert_eq!(code.len(), 8);
        assert!(code.bytes().all(|b| b.is_ascii_digit()));
        assert_eq!(display_code("12345678"), "1234 5678");
        assert_eq!(normalize_code(" 1234-5678 "), "12345678");
        assert_eq!(normalize_code("１２３４ ５６７８"), "12345678");
    }

    #[test]
    fn a_code_hash_belongs_to_one_account() {
        assert_ne!(code_hash(1, "12345678"), code_hash(2, "12345678"));
        assert_eq!(code_hash(1, "12345678"), code_hash(1, "12345678"));
    }
}
