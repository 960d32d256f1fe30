//! What a registration must satisfy: the shared checks of `linli_api::validate`, turned
//! into the server's types.

use linli_api::auth::RegisterRequest;
use linli_api::{validate, PhoneNumber};

use crate::error::AppError;

/// A registration that passed every check but the database's (invite, unique phone).
#[derive(Debug, PartialEq)]
pub struct Registration {
    pub invite_code: String,
    pub phone: PhoneNumber,
    pub name: String,
    pub password: String,
}

pub fn check_registration(request: &RegisterRequest) -> Result<Registration, AppError> {
    let checked = validate::registration(request).map_err(AppError::Invalid)?;
    Ok(Registration {
        phone: validate::phone(&checked.phone).map_err(AppError::Invalid)?,
        invite_code: checked.invite_code,
        name: checked.name,
        password: checked.password,
    })
}

pub fn parse_phone(raw: &str) -> Result<PhoneNumber, AppError> {
    validate::phone(raw).map_err(AppError::Invalid)
}
