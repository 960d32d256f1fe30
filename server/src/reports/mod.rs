//! Problem reports (报事报修): report once, routed to whoever answers for it, handled,
//! escalated when nobody accepts it in time, confirmed and rated by the reporter.
//!
//! So far the rules (`rules.rs`): the state machine and who may take each step, who sees a
//! case and its reporter, the clock of acceptance, escalation and reopening, and the
//! monthly figures. Storage, routes and the clock worker build on them.

pub mod rules;
