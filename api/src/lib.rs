//! The one contract between Linli's server, app and tests.
//!
//! Every request and response body lives here exactly once. The server serialises these
//! types, the app and the tests deserialise them through [`Client`]; nobody writes JSON by
//! hand. The crate compiles to wasm (the app) and natively (server, tests, tools).

pub mod admin;
pub mod appointments;
pub mod auth;
pub mod client;
pub mod community;
pub mod error;
pub mod events;
pub mod family;
pub mod groceries;
pub mod hall;
pub mod help;
pub mod ids;
pub mod notices;
pub mod paging;
pub mod phone;
pub mod register;
pub mod reports;
pub mod topics;
pub mod uploads;
pub mod validate;
pub mod wishes;

pub use client::{Client, ClientError};
pub use error::{ApiError, ErrorBody, ErrorCode};
pub use phone::PhoneNumber;

/// Prefix of every versioned route.
pub const API_PREFIX: &str = "/api/v1";
