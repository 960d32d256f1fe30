//! The community as staff manage it: invite codes that let a household's residents in.

mod invites;
mod picker;

pub use invites::{svg_data_uri, Invites};
pub use picker::HouseholdPicker;
