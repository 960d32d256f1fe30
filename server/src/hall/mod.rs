//! The discussion hall (议事厅): votes with lawful, verifiable tallies, and the topics
//! residents discuss, propose and see followed up.

pub mod ballot;
pub mod ballot_box;
pub mod batch;
pub mod export;
pub mod routes;
pub mod rules;
pub mod storage;
pub mod tally;
pub mod topics;
