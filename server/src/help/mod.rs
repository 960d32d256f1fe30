//! One-tap help (一键求助): a resident asks once, the staff on duty see it live with the
//! household and a callback number, one acknowledges, the resident sees someone is coming.
//!
//! "On duty" is every staff account of the community: each has the help board open or gets
//! the alert on their device. A per-shift rota can narrow the audience later.

pub mod routes;
pub mod rules;
pub mod storage;
