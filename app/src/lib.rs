//! Linli's app: Leptos, rendered in the browser (CSR), talking to the server only through
//! `linli_api::Client`. The same bundle runs in a browser and inside the Tauri shell.

pub mod accounts;
pub mod appointments;
pub mod community;
pub mod family;
pub mod groceries;
pub mod hall;
pub mod help;
pub mod households;
pub mod i18n;
pub mod layout;
pub mod live;
pub mod me;
pub mod native;
pub mod notices;
pub mod reports;
pub mod session;
pub mod shop;
pub mod speech;
pub mod wishes;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// Mounts the app on `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}

#[component]
pub fn App() -> impl IntoView {
    let prefs = me::Prefs::init();
    session::Session::provide(prefs);
    view! {
        <Router>
            <Routes fallback=layout::NotFound>
                <Route path=path!("/") view=layout::Home/>
                <Route path=path!("/sign-in") view=session::SignIn/>
                <Route path=path!("/register") view=session::Register/>
                <Route path=path!("/privacy") view=session::Privacy/>
                <Route path=path!("/reset-password") view=accounts::ResetPasswordPage/>
                <Route path=path!("/notices") view=notices::NoticeList/>
                <Route path=path!("/notices/new") view=notices::Compose/>
                <Route path=path!("/notices/:id/reads") view=notices::ReadStatsPage/>
                <Route path=path!("/notices/:id") view=notices::NoticeDetail/>
                <Route path=path!("/invites") view=community::Invites/>
                <Route path=path!("/invites/print") view=households::PrintInvitesPage/>
                <Route path=path!("/households") view=households::HouseholdsPage/>
                <Route path=path!("/households/:id") view=households::HouseholdPage/>
                <Route path=path!("/accounts") view=accounts::AccountsPage/>
                <Route path=path!("/admin/communities") view=accounts::CommunitiesPage/>
                <Route path=path!("/me") view=me::MePage/>
                <Route path=path!("/hall") view=hall::HallPage/>
                <Route path=path!("/hall/new") view=hall::NewVotePage/>
                <Route path=path!("/hall/votes/:id") view=hall::VotePage/>
                <Route path=path!("/hall/votes/:id/record") view=hall::RecordPage/>
                <Route path=path!("/hall/votes/:id/participants") view=hall::ParticipantsPage/>
                <Route path=path!("/hall/topics/new") view=hall::NewTopicPage/>
                <Route path=path!("/hall/topics/:id") view=hall::TopicPage/>
                <Route path=path!("/groceries") view=groceries::CampaignListPage/>
                <Route path=path!("/groceries/campaigns/:id") view=groceries::CampaignPage/>
                <Route path=path!("/groceries/orders") view=groceries::MyOrdersPage/>
                <Route path=path!("/groceries/again") view=groceries::BuyAgainPage/>
                <Route path=path!("/shop") view=shop::ShopHome/>
                <Route path=path!("/shop/apply") view=shop::MerchantApplyPage/>
                <Route path=path!("/shop/campaigns/new") view=shop::CampaignEditorPage/>
                <Route path=path!("/shop/campaigns/:id") view=shop::DashboardPage/>
                <Route path=path!("/shop/campaigns/:id/picking") view=shop::PickingPage/>
                <Route path=path!("/shop/scan") view=shop::ScanPage/>
                <Route path=path!("/shop/merchants") view=shop::MerchantReviewPage/>
                <Route path=path!("/wishes") view=wishes::WishBoardPage/>
                <Route path=path!("/wishes/new") view=wishes::NewWishPage/>
                <Route path=path!("/wishes/mine") view=wishes::MyWishesPage/>
                <Route path=path!("/wishes/review") view=wishes::WishReviewPage/>
                <Route path=path!("/wishes/thanks") view=wishes::ThanksPage/>
                <Route path=path!("/wishes/:id") view=wishes::WishPage/>
                <Route path=path!("/services") view=appointments::ServicesPage/>
                <Route path=path!("/services/new") view=appointments::ServiceEditorPage/>
                <Route path=path!("/services/manage") view=appointments::ManagePage/>
                <Route path=path!("/services/:id/edit") view=appointments::ServiceEditorPage/>
                <Route path=path!("/services/:id/desk") view=appointments::DeskPage/>
                <Route path=path!("/services/:id") view=appointments::ServicePage/>
                <Route path=path!("/bookings") view=appointments::MyBookingsPage/>
                <Route path=path!("/bookings/:id") view=appointments::BookingPage/>
                <Route path=path!("/display/:id") view=appointments::DisplayPage/>
                <Route path=path!("/reports") view=reports::ReportsPage/>
                <Route path=path!("/reports/new") view=reports::NewReportPage/>
                <Route path=path!("/reports/handling") view=reports::HandlingPage/>
                <Route path=path!("/reports/rules") view=reports::RulesPage/>
                <Route path=path!("/reports/figures") view=reports::FiguresPage/>
                <Route path=path!("/reports/:id") view=reports::ReportPage/>
                <Route path=path!("/help") view=help::HelpPage/>
                <Route path=path!("/help/requests") view=help::HelpBoardPage/>
                <Route path=path!("/family") view=family::FamilyPage/>
                <Route path=path!("/family/invite") view=family::InviteFamily/>
                <Route path=path!("/family/join") view=family::JoinFamily/>
                <Route path=path!("/family/history") view=family::FamilyHistoryPage/>
                <Route path=path!("/family/for/:resident") view=family::ActingHome/>
                <Route path=path!("/family/for/:resident/notices/:id") view=family::ActingNotice/>
            </Routes>
        </Router>
    }
}
