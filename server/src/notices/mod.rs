//! Community notices (通知公告): publish, list, read receipts, who has not read it yet.

pub mod routes;
pub mod rules;
pub mod storage;
