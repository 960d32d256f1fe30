//! Communities, buildings, units and households, and the invite codes that let real
//! residents join their household.

pub mod ledger;
pub mod register;
pub mod routes;
pub mod rules;
pub mod sheet;
pub mod storage;
