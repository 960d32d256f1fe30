//! The discussion hall (议事厅): votes with lawful, verifiable tallies. Topics, discussion
//! and resident proposals come next.

pub mod ballot;
pub mod export;
pub mod routes;
pub mod rules;
pub mod storage;
pub mod tally;
