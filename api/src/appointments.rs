//! Appointments and queueing (预约办事、叫号): staff define services with a form and a weekly
//! schedule of slots; residents book a slot and fill the form, staff approve where needed;
//! on the day the resident checks in at the desk and gets a queue number, staff call it, and
//! afterwards the resident rates the service. Every case keeps its handling record.
//!
//! Times are UTC on the wire; a slot's day and clock time are the community's (CST).

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{BookingId, ServiceId, TicketId, UploadId};

pub mod limits {
    pub const NAME_MAX_CHARS: usize = 60;
    pub const DESCRIPTION_MAX_CHARS: usize = 2_000;
    pub const DOCUMENTS_MAX_CHARS: usize = 1_000;
    pub const MAX_FIELDS: usize = 20;
    pub const LABEL_MAX_CHARS: usize = 60;
    pub const MAX_OPTIONS: usize = 12;
    pub const OPTION_MAX_CHARS: usize = 40;
    pub const ANSWER_MAX_CHARS: usize = 500;
    pub const MAX_HOURS: usize = 28;
    pub const MAX_CLOSED_DAYS: usize = 60;
    pub const MIN_DURATION_MINUTES: u32 = 5;
    pub const MAX_DURATION_MINUTES: u32 = 240;
    pub const MAX_CAPACITY: u32 = 100;
    pub const MAX_CANCEL_HOURS: u32 = 168;
    /// How far ahead residents may book.
    pub const BOOK_AHEAD_DAYS: i64 = 30;
    pub const COMMENT_MAX_CHARS: usize = 300;
    pub const WALK_IN_NAME_MAX_CHARS: usize = 40;
    pub const REASON_MAX_CHARS: usize = 200;
    /// A queue prefix: one or two capital letters (A012, BB003).
    pub const PREFIX_MAX_CHARS: usize = 2;
    /// Check-in opens this long before the slot and closes when the slot ends.
    pub const CHECK_IN_EARLY_MINUTES: i64 = 60;
}

/// The kind of one field of a service's form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    Text,
    /// A number as typed (digits, an optional sign and decimal point).
    Number,
    Date,
    SingleChoice,
    MultipleChoice,
    /// A mainland mobile number.
    Phone,
    /// A resident identity card number (18 characters, the last a checksum).
    IdNumber,
    /// A photo (e.g. of a certificate), uploaded first.
    Image,
}

impl FieldKind {
    pub const ALL: [FieldKind; 8] = [
        Self::Text,
        Self::Number,
        Self::Date,
        Self::SingleChoice,
        Self::MultipleChoice,
        Self::Phone,
        Self::IdNumber,
        Self::Image,
    ];

    pub fn has_options(self) -> bool {
        matches!(self, Self::SingleChoice | Self::MultipleChoice)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FormField {
    pub label: String,
    pub kind: FieldKind,
    pub required: bool,
    /// The choices of a single or multiple choice field.
    #[serde(default)]
    pub options: Vec<String>,
}

/// Opening hours on one weekday, cut into slots of the service's duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WeeklyHours {
    /// 1 = Monday … 7 = Sunday.
    pub weekday: u8,
    /// The community's clock time, e.g. `09:00:00`.
    pub opens: NaiveTime,
    pub closes: NaiveTime,
    /// How many people each slot takes.
    pub capacity: u32,
}

/// What staff set for a service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewService {
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Documents to bring, in words.
    #[serde(default)]
    pub documents: String,
    #[serde(default)]
    pub form: Vec<FormField>,
    pub needs_approval: bool,
    pub duration_minutes: u32,
    pub hours: Vec<WeeklyHours>,
    #[serde(default)]
    pub closed_days: Vec<NaiveDate>,
    /// A booking may be cancelled until this many hours before its slot.
    pub cancel_hours: u32,
    /// The letters before the queue numbers, e.g. `A`.
    pub queue_prefix: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Service {
    pub id: ServiceId,
    pub name: String,
    pub description: String,
    pub documents: String,
    pub form: Vec<FormField>,
    pub needs_approval: bool,
    pub duration_minutes: u32,
    pub hours: Vec<WeeklyHours>,
    pub closed_days: Vec<NaiveDate>,
    pub cancel_hours: u32,
    pub queue_prefix: String,
    /// Staff only: the code residents type or scan at the desk to check in, and its QR code.
    pub desk_code: Option<String>,
    pub desk_qr_svg: Option<String>,
}

/// One slot and how many places are left in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Slot {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub capacity: u32,
    pub free: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SlotDay {
    pub date: NaiveDate,
    /// Staff closed the service that day.
    pub closed: bool,
    pub slots: Vec<Slot>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct SlotQuery {
    /// The first day (the community's date); today when absent.
    #[serde(default)]
    pub from: Option<NaiveDate>,
    /// How many days, 1 to 14; 7 when absent.
    #[serde(default)]
    pub days: Option<u32>,
}

/// One answer of the form, in the kind of its field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Answer {
    Text(String),
    Number(String),
    Date(NaiveDate),
    /// The index of the option chosen.
    SingleChoice(u32),
    MultipleChoice(Vec<u32>),
    Phone(String),
    IdNumber(String),
    Image(UploadId),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewBooking {
    pub slot_starts_at: DateTime<Utc>,
    /// One per field of the form, in its order; `null` for an optional field left empty.
    #[serde(default)]
    pub answers: Vec<Option<Answer>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BookingState {
    /// Waiting for staff to approve it.
    Pending,
    Confirmed,
    /// Staff declined it, with a reason.
    Rejected,
    Cancelled,
    /// At the desk with a queue number.
    CheckedIn,
    Served,
    /// The slot passed without the resident.
    NoShow,
}

impl BookingState {
    pub const ALL: [BookingState; 7] =
        [Self::Pending, Self::Confirmed, Self::Rejected, Self::Cancelled, Self::CheckedIn, Self::Served, Self::NoShow];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Confirmed => "confirmed",
            Self::Rejected => "rejected",
            Self::Cancelled => "cancelled",
            Self::CheckedIn => "checked_in",
            Self::Served => "served",
            Self::NoShow => "no_show",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|state| state.as_str() == raw)
    }

    /// Whether the booking still holds its place in the slot.
    pub fn holds_place(self) -> bool {
        matches!(self, Self::Pending | Self::Confirmed | Self::CheckedIn | Self::Served)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TicketState {
    Waiting,
    /// Called to the desk (perhaps more than once).
    Called,
    Served,
    NoShow,
}

impl TicketState {
    pub const ALL: [TicketState; 4] = [Self::Waiting, Self::Called, Self::Served, Self::NoShow];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Waiting => "waiting",
            Self::Called => "called",
            Self::Served => "served",
            Self::NoShow => "no_show",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|state| state.as_str() == raw)
    }
}

/// A queue number and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Ticket {
    pub id: TicketId,
    pub service_id: ServiceId,
    /// e.g. `A012`.
    pub number: String,
    pub state: TicketState,
    /// How many are to be called before this one (0 while called or done).
    pub ahead: u32,
    /// The number called last at this service today.
    pub now_serving: Option<String>,
    pub called_at: Option<DateTime<Utc>>,
}

/// One step of a case's handling record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseEventKind {
    Booked,
    Approved,
    Rejected,
    Cancelled,
    Reminded,
    CheckedIn,
    Called,
    Served,
    NoShow,
    Rated,
}

impl CaseEventKind {
    pub const ALL: [CaseEventKind; 10] = [
        Self::Booked,
        Self::Approved,
        Self::Rejected,
        Self::Cancelled,
        Self::Reminded,
        Self::CheckedIn,
        Self::Called,
        Self::Served,
        Self::NoShow,
        Self::Rated,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Booked => "booked",
            Self::Approved => "approved",
            Self::Rejected => "rejected",
            Self::Cancelled => "cancelled",
            Self::Reminded => "reminded",
            Self::CheckedIn => "checked_in",
            Self::Called => "called",
            Self::Served => "served",
            Self::NoShow => "no_show",
            Self::Rated => "rated",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == raw)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseEvent {
    pub kind: CaseEventKind,
    /// Who did it; empty for what the clock did.
    pub actor: String,
    pub detail: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Rating {
    /// 1 to 5.
    pub stars: u8,
    #[serde(default)]
    pub comment: String,
}

/// A booking (a case) as the resident, their family or staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Booking {
    pub id: BookingId,
    pub service_id: ServiceId,
    pub service_name: String,
    pub resident_name: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub state: BookingState,
    /// The code staff scan or type to check the resident in (shown to the resident only).
    pub code: Option<String>,
    pub code_qr_svg: Option<String>,
    pub form: Vec<FormField>,
    pub answers: Vec<Option<Answer>>,
    /// Why staff declined it.
    pub reason: Option<String>,
    pub ticket: Option<Ticket>,
    pub rating: Option<Rating>,
    /// Whether the resident may still cancel it (before the service's cut-off).
    pub cancellable: bool,
    pub booked_at: DateTime<Utc>,
    pub history: Vec<CaseEvent>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewBooking {
    pub approve: bool,
    #[serde(default)]
    pub reason: Option<String>,
}

/// The resident at the desk: the code on the desk's sign (typed or scanned).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckIn {
    pub desk_code: String,
}

/// Staff check a resident in by the code of their booking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeskCheckIn {
    pub booking_code: String,
}

/// A walk-in: a number given by staff, to a name they write down.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WalkIn {
    pub name: String,
}

/// A ticket as the desk sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeskTicket {
    pub id: TicketId,
    pub number: String,
    pub state: TicketState,
    /// The resident's name (or the walk-in's, as staff wrote it).
    pub name: String,
    pub booking_id: Option<BookingId>,
    /// The slot a booked ticket belongs to.
    pub slot_starts_at: Option<DateTime<Utc>>,
    pub issued_at: DateTime<Utc>,
    pub calls: u32,
}

/// Today's queue of a service at the desk: waiting ones in the order they will be called.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeskQueue {
    pub service_id: ServiceId,
    pub now_serving: Option<String>,
    pub waiting: Vec<DeskTicket>,
    pub called: Vec<DeskTicket>,
    pub done: Vec<DeskTicket>,
}

/// The public "now serving" screen of a service: numbers only, never names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueueDisplay {
    pub service_name: String,
    pub now_serving: Option<String>,
    /// The numbers called before it, newest first.
    pub recently_called: Vec<String>,
    pub next: Vec<String>,
    pub waiting: u32,
}

/// What staff set for the community's bookings: repeated no-shows pause booking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AppointmentRules {
    /// This many no-shows …
    pub no_show_limit: u32,
    /// … within this many days …
    pub window_days: u32,
    /// … pause booking for this many days after the last one.
    pub pause_days: u32,
}

impl Default for AppointmentRules {
    fn default() -> Self {
        Self { no_show_limit: 3, window_days: 90, pause_days: 30 }
    }
}

/// A service's figures for staff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceStats {
    pub service_id: ServiceId,
    pub service_name: String,
    pub bookings: i64,
    pub served: i64,
    pub no_shows: i64,
    pub ratings: i64,
    /// The mean of the ratings, 1 to 5.
    pub average_stars: Option<f64>,
}

/// Why a resident is told something about a booking (an OS notification in the app).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BookingNews {
    Approved,
    Rejected,
    /// The slot is tomorrow.
    DayBefore,
    /// The slot is in an hour.
    HourBefore,
    /// Two are to be called before this number.
    TwoAhead,
    Called,
    /// Served: the resident may rate it now.
    Served,
}
