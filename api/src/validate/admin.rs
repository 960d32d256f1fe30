//! The checks of setting a community up and opening accounts.

use super::{phone, required_text};
use crate::admin::limits::{COMMUNITY_NAME_MAX_CHARS, SERVICE_PHONE_MAX_CHARS};
use crate::admin::{NewAccountRequest, NewCommunity};
use crate::auth::limits::NAME_MAX_CHARS;
use crate::auth::Role;
use crate::error::{ApiError, ErrorCode};

/// China's zones by their IANA names, with their offset from UTC in minutes. None of them
/// observes daylight saving, so an offset is exact all year.
const ZONES: [(&str, i32); 9] = [
    ("Asia/Shanghai", 480),
    ("Asia/Chongqing", 480),
    ("Asia/Harbin", 480),
    ("Asia/Hong_Kong", 480),
    ("Asia/Macau", 480),
    ("Asia/Taipei", 480),
    ("PRC", 480),
    ("Asia/Urumqi", 360),
    ("Asia/Kashgar", 360),
];

/// The community's offset from UTC in minutes: an IANA zone of China, or `+08:00`,
/// `+0800`, `UTC+8`, `GMT+8`.
pub fn time_zone(raw: &str) -> Option<i32> {
    let raw = raw.trim();
    if let Some((_, offset)) = ZONES.iter().find(|(name, _)| name.eq_ignore_ascii_case(raw)) {
        return Some(*offset);
    }
    let upper = raw.to_ascii_uppercase();
    let offset = upper.strip_prefix("UTC").or_else(|| upper.strip_prefix("GMT")).unwrap_or(&upper);
    let (sign, digits) = match offset.as_bytes().first()? {
        b'+' => (1, &offset[1..]),
        b'-' => (-1, &offset[1..]),
        _ => return None,
    };
    let (hours, minutes) = match digits.split_once(':') {
        Some((hours, minutes)) => (hours, minutes),
        None if digits.len() == 4 => digits.split_at(2),
        None => (digits, "0"),
    };
    let all_digits = |text: &str| !text.is_empty() && text.len() <= 2 && text.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(hours) || !all_digits(minutes) {
        return None;
    }
    let (hours, minutes): (i32, i32) = (hours.parse().ok()?, minutes.parse().ok()?);
    (hours <= 14 && minutes < 60).then_some(sign * (hours * 60 + minutes))
}

/// A service phone as people dial it: digits with spaces, dashes, brackets or a leading +.
pub fn service_phone(raw: &str) -> Result<String, ApiError> {
    let text = required_text(raw, SERVICE_PHONE_MAX_CHARS, "service_phone")?;
    let allowed = text.chars().enumerate().all(|(i, c)| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')') || (c == '+' && i == 0));
    let digits = text.chars().filter(char::is_ascii_digit).count();
    if !allowed || digits < 5 {
        return Err(ApiError::on_field(ErrorCode::InvalidPhone, "service_phone"));
    }
    Ok(text)
}

/// Refuses control characters (a tab, a line break inside a name).
pub fn no_control_characters(text: &str, field: &str) -> Result<(), ApiError> {
    if text.chars().any(char::is_control) {
        return Err(ApiError::on_field(ErrorCode::InvalidValue, field));
    }
    Ok(())
}

/// A community trimmed, with its zone as an offset, or the first bad field.
pub fn new_community(community: &NewCommunity) -> Result<(NewCommunity, i32), ApiError> {
    no_control_characters(&community.name, "name")?;
    let name = required_text(&community.name, COMMUNITY_NAME_MAX_CHARS, "name")?;
    let service_phone = service_phone(&community.service_phone)?;
    let zone = community.time_zone.as_deref().map(str::trim).filter(|zone| !zone.is_empty()).unwrap_or("Asia/Shanghai");
    let offset = time_zone(zone).ok_or(ApiError::on_field(ErrorCode::InvalidValue, "time_zone"))?;
    Ok((NewCommunity { name, service_phone, time_zone: Some(zone.to_owned()) }, offset))
}

/// The roles staff may open accounts for; only the administrator opens `admin` ones.
pub fn new_account(account: &NewAccountRequest, by_admin: bool) -> Result<NewAccountRequest, ApiError> {
    no_control_characters(&account.name, "name")?;
    let name = required_text(&account.name, NAME_MAX_CHARS, "name")?;
    let phone = phone(&account.phone)?;
    let allowed = matches!(account.role, Role::Staff | Role::Property | Role::Merchant) || (by_admin && account.role == Role::Admin);
    if !allowed {
        return Err(ApiError::on_field(ErrorCode::InvalidValue, "role"));
    }
    Ok(NewAccountRequest { name, phone: phone.into(), role: account.role })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_are_names_of_china_or_fixed_offsets() {
        assert_eq!(time_zone("Asia/Shanghai"), Some(480));
        assert_eq!(time_zone("asia/urumqi"), Some(360));
        assert_eq!(time_zone("+08:00"), Some(480));
        assert_eq!(time_zone("UTC+8"), Some(480));
        assert_eq!(time_zone("+0530"), Some(330));
        assert_eq!(time_zone("GMT-3"), Some(-180));
        for bad in ["", "Europe/Paris", "+8:99", "+123", "8", "UTC+", "+08:00x"] {
            assert_eq!(time_zone(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_community_needs_a_name_a_dialable_phone_and_a_zone() {
        let community = |name: &str, phone: &str, zone: Option<&str>| NewCommunity {
            name: name.into(),
            service_phone: phone.into(),
            time_zone: zone.map(Into::into),
        };
        let (checked, offset) = new_community(&community(" 幸福里社区 ", "021-5555-0100", None)).unwrap();
        assert_eq!((checked.name.as_str(), offset), ("幸福里社区", 480));
        assert_eq!(new_community(&community("", "021-5555-0100", None)).unwrap_err().field.as_deref(), Some("name"));
        assert_eq!(new_community(&community("a\tb", "021-5555-0100", None)).unwrap_err().field.as_deref(), Some("name"));
        assert_eq!(new_community(&community("x", "call us", None)).unwrap_err().code, ErrorCode::InvalidPhone);
        assert_eq!(new_community(&community("x", "12-3", None)).unwrap_err().code, ErrorCode::InvalidPhone);
        assert_eq!(new_community(&community("x", "12345", Some("Mars/Base"))).unwrap_err().field.as_deref(), Some("time_zone"));
    }

    #[test]
    fn staff_open_staff_property_and_merchant_accounts_and_only_the_administrator_admin_ones() {
        let account = |role| NewAccountRequest { name: "张三".into(), phone: "13912345678".into(), role };
        for role in [Role::Staff, Role::Property, Role::Merchant] {
            assert!(new_account(&account(role), false).is_ok());
        }
        for role in [Role::Admin, Role::Resident, Role::Family] {
            assert!(new_account(&account(role), false).is_err(), "{role:?}");
        }
        assert!(new_account(&account(Role::Admin), true).is_ok());
        assert!(new_account(&account(Role::Resident), true).is_err());
    }
}
