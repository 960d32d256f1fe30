//! Appointments' and the queue's calls.

use chrono::NaiveDate;
use reqwest::Method;

use super::{Client, ClientResult};
use crate::appointments::{
    AppointmentRules, Booking, CheckIn, DeskCheckIn, DeskQueue, DeskTicket, NewBooking, NewService, QueueDisplay, Rating, ReviewBooking,
    Service, ServiceStats, SlotDay, SlotQuery, Ticket, WalkIn,
};
use crate::ids::{BookingId, ServiceId, TicketId};

impl Client {
    pub async fn services(&self) -> ClientResult<Vec<Service>> {
        self.send(self.request(Method::GET, "/services")).await
    }

    pub async fn service(&self, id: ServiceId) -> ClientResult<Service> {
        self.send(self.request(Method::GET, &format!("/services/{id}"))).await
    }

    pub async fn create_service(&self, service: &NewService) -> ClientResult<Service> {
        self.send(self.request(Method::POST, "/services").json(service)).await
    }

    pub async fn update_service(&self, id: ServiceId, service: &NewService) -> ClientResult<Service> {
        self.send(self.request(Method::PUT, &format!("/services/{id}")).json(service)).await
    }

    pub async fn service_slots(&self, id: ServiceId, query: &SlotQuery) -> ClientResult<Vec<SlotDay>> {
        let mut params = Vec::new();
        if let Some(from) = query.from {
            params.push(("from", from.to_string()));
        }
        if let Some(days) = query.days {
            params.push(("days", days.to_string()));
        }
        self.send(self.request(Method::GET, &format!("/services/{id}/slots")).query(&params)).await
    }

    pub async fn appointment_rules(&self) -> ClientResult<AppointmentRules> {
        self.send(self.request(Method::GET, "/services/rules")).await
    }

    pub async fn set_appointment_rules(&self, rules: &AppointmentRules) -> ClientResult<AppointmentRules> {
        self.send(self.request(Method::PUT, "/services/rules").json(rules)).await
    }

    pub async fn service_stats(&self) -> ClientResult<Vec<ServiceStats>> {
        self.send(self.request(Method::GET, "/services/stats")).await
    }

    /// Books a slot (for the resident acted for, with [`Client::acting_for`]).
    pub async fn book(&self, service: ServiceId, booking: &NewBooking) -> ClientResult<Booking> {
        self.send(self.request(Method::POST, &format!("/services/{service}/bookings")).json(booking)).await
    }

    /// Staff: a service's bookings of one day (today when `None`).
    pub async fn bookings_of_day(&self, service: ServiceId, date: Option<NaiveDate>) -> ClientResult<Vec<Booking>> {
        let params: Vec<(&str, String)> = date.map(|date| ("date", date.to_string())).into_iter().collect();
        self.send(self.request(Method::GET, &format!("/services/{service}/bookings")).query(&params)).await
    }

    pub async fn my_bookings(&self) -> ClientResult<Vec<Booking>> {
        self.send(self.request(Method::GET, "/bookings")).await
    }

    pub async fn booking(&self, id: BookingId) -> ClientResult<Booking> {
        self.send(self.request(Method::GET, &format!("/bookings/{id}"))).await
    }

    pub async fn cancel_booking(&self, id: BookingId) -> ClientResult<Booking> {
        self.send(self.request(Method::POST, &format!("/bookings/{id}/cancel"))).await
    }

    pub async fn pending_bookings(&self) -> ClientResult<Vec<Booking>> {
        self.send(self.request(Method::GET, "/bookings/pending")).await
    }

    pub async fn review_booking(&self, id: BookingId, review: &ReviewBooking) -> ClientResult<Booking> {
        self.send(self.request(Method::POST, &format!("/bookings/{id}/review")).json(review)).await
    }

    pub async fn rate_booking(&self, id: BookingId, rating: &Rating) -> ClientResult<Booking> {
        self.send(self.request(Method::POST, &format!("/bookings/{id}/rating")).json(rating)).await
    }

    /// The resident checks in with the desk's code and gets a queue number.
    pub async fn check_in(&self, id: BookingId, check_in: &CheckIn) -> ClientResult<Ticket> {
        self.send(self.request(Method::POST, &format!("/bookings/{id}/check-in")).json(check_in)).await
    }

    pub async fn desk_check_in(&self, service: ServiceId, check_in: &DeskCheckIn) -> ClientResult<DeskTicket> {
        self.send(self.request(Method::POST, &format!("/services/{service}/queue/check-in")).json(check_in)).await
    }

    pub async fn walk_in(&self, service: ServiceId, walk_in: &WalkIn) -> ClientResult<DeskTicket> {
        self.send(self.request(Method::POST, &format!("/services/{service}/queue/walk-ins")).json(walk_in)).await
    }

    pub async fn desk_queue(&self, service: ServiceId) -> ClientResult<DeskQueue> {
        self.send(self.request(Method::GET, &format!("/services/{service}/queue"))).await
    }

    pub async fn call_next(&self, service: ServiceId) -> ClientResult<DeskTicket> {
        self.send(self.request(Method::POST, &format!("/services/{service}/queue/call-next"))).await
    }

    pub async fn recall_ticket(&self, id: TicketId) -> ClientResult<DeskTicket> {
        self.send(self.request(Method::POST, &format!("/queue/tickets/{id}/recall"))).await
    }

    pub async fn ticket_served(&self, id: TicketId) -> ClientResult<DeskTicket> {
        self.send(self.request(Method::POST, &format!("/queue/tickets/{id}/served"))).await
    }

    pub async fn ticket_no_show(&self, id: TicketId) -> ClientResult<DeskTicket> {
        self.send(self.request(Method::POST, &format!("/queue/tickets/{id}/no-show"))).await
    }

    /// The public "now serving" screen (no sign-in needed).
    pub async fn queue_display(&self, service: ServiceId) -> ClientResult<QueueDisplay> {
        self.send(self.request(Method::GET, &format!("/services/{service}/queue/display"))).await
    }
}
