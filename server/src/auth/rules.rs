//! Pure checks of what people type when they register or sign in.

use linli_api::auth::limits::{NAME_MAX_CHARS, PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS};
use linli_api::auth::RegisterRequest;
use linli_api::{ErrorCode, PhoneNumber};

use crate::error::AppError;
use crate::extract::required_text;

/// A registration that passed every check but the database's (invite, unique phone).
#[derive(Debug, PartialEq)]
pub struct Registration {
    pub invite_code: String,
    pub phone: PhoneNumber,
    pub name: String,
    pub password: String,
}

pub fn check_registration(request: &RegisterRequest) -> Result<Registration, AppError> {
    let invite_code = required_text(&request.invite_code, linli_api::auth::limits::INVITE_CODE_MAX_CHARS, "invite_code")?;
    let phone = parse_phone(&request.phone)?;
    let name = required_text(&request.name, NAME_MAX_CHARS, "name")?;
    let password = check_password(&request.password)?;
    if !request.accept_privacy_policy {
        return Err(AppError::invalid(ErrorCode::ConsentRequired, "accept_privacy_policy"));
    }
    Ok(Registration { invite_code, phone, name, password })
}

pub fn parse_phone(raw: &str) -> Result<PhoneNumber, AppError> {
    if raw.trim().is_empty() {
        return Err(AppError::invalid(ErrorCode::FieldRequired, "phone"));
    }
    PhoneNumber::parse(raw).ok_or(AppError::invalid(ErrorCode::InvalidPhone, "phone"))
}

fn check_password(password: &str) -> Result<String, AppError> {
    let length = password.chars().count();
    if length < PASSWORD_MIN_CHARS {
        return Err(AppError::invalid(ErrorCode::PasswordTooShort, "password"));
    }
    if length > PASSWORD_MAX_CHARS {
        return Err(AppError::invalid(ErrorCode::FieldTooLong, "password"));
    }
    Ok(password.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> RegisterRequest {
        RegisterRequest {
            invite_code: " ab12-cd34 ".into(),
            phone: "138 0000 1111".into(),
            name: " 王阿姨 ".into(),
            password: "long enough".into(),
            accept_privacy_policy: true,
            locale: None,
        }
    }

    fn code_and_field(result: Result<Registration, AppError>) -> (ErrorCode, Option<&'static str>) {
        match result {
            Err(AppError::Invalid { code, field }) => (code, field),
            other => panic!("expected a field error, got {other:?}"),
        }
    }

    #[test]
    fn a_good_registration_is_trimmed_and_normalised() {
        let registration = check_registration(&request()).unwrap();
        assert_eq!(registration.invite_code, "ab12-cd34");
        assert_eq!(registration.phone.as_str(), "13800001111");
        assert_eq!(registration.name, "王阿姨");
    }

    #[test]
    fn each_bad_field_is_named() {
        let cases: Vec<(fn(&mut RegisterRequest), ErrorCode, &str)> = vec![
            (|r| r.invite_code = "  ".into(), ErrorCode::FieldRequired, "invite_code"),
            (|r| r.phone = "".into(), ErrorCode::FieldRequired, "phone"),
            (|r| r.phone = "12345".into(), ErrorCode::InvalidPhone, "phone"),
            (|r| r.name = "".into(), ErrorCode::FieldRequired, "name"),
            (|r| r.name = "名".repeat(41), ErrorCode::FieldTooLong, "name"),
            (|r| r.password = "short".into(), ErrorCode::PasswordTooShort, "password"),
            (|r| r.password = "x".repeat(129), ErrorCode::FieldTooLong, "password"),
            (|r| r.accept_privacy_policy = false, ErrorCode::ConsentRequired, "accept_privacy_policy"),
        ];
        for (spoil, code, field) in cases {
            let mut bad = request();
            spoil(&mut bad);
            assert_eq!(code_and_field(check_registration(&bad)), (code, Some(field)));
        }
    }

    #[test]
    fn a_password_counts_characters_not_bytes() {
        let mut r = request();
        r.password = "邻里邻里邻里邻里".into();
        assert!(check_registration(&r).is_ok());
    }
}
