//! A list that grows a page at a time: the server answers a bounded page and the cursor of the
//! next one, the screen shows what has been loaded so far and a "more" button while there is
//! more. Never all at once: a community of 10,000 households has lists that long.

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::client::ClientResult;
use linli_api::ErrorCode;

use crate::i18n::tr;
use crate::session::Session;

/// One page as the server answered it.
pub struct Page<T> {
    pub items: Vec<T>,
    /// The cursor of the next page; none on the last.
    pub next: Option<String>,
    /// How many there are in all, when the list says.
    pub total: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PageState {
    Loading,
    Loaded,
    Failed(ErrorCode),
}

/// What has been loaded so far.
pub struct Pages<T: Send + Sync + 'static> {
    pub items: RwSignal<Vec<T>>,
    pub next: RwSignal<Option<String>>,
    pub total: RwSignal<Option<i64>>,
    pub state: RwSignal<PageState>,
    /// Counts loads from the start, so an older answer never lands after a newer one.
    generation: RwSignal<u32>,
}

impl<T: Send + Sync + 'static> Clone for Pages<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Pages<T> {}

impl<T: Send + Sync + 'static> Default for Pages<T> {
    fn default() -> Self {
        Pages {
            items: RwSignal::new(Vec::new()),
            next: RwSignal::new(None),
            total: RwSignal::new(None),
            state: RwSignal::new(PageState::Loading),
            generation: RwSignal::new(0),
        }
    }
}

impl<T: Send + Sync + 'static> Pages<T> {
    pub fn new() -> Self {
        Self::default()
    }

    /// The first page again (`from_start`), or the page after the last one loaded; `fetch`
    /// asks the server for the page after a cursor (none: the first).
    pub fn load<F, Fut>(self, session: Session, from_start: bool, fetch: F)
    where
        F: FnOnce(linli_api::Client, Option<String>) -> Fut,
        Fut: Future<Output = ClientResult<Page<T>>> + 'static,
    {
        if !from_start && self.state.get_untracked() == PageState::Loading {
            return;
        }
        if from_start {
            self.generation.update(|g| *g += 1);
        }
        let generation = self.generation.get_untracked();
        let after = if from_start { None } else { self.next.get_untracked() };
        self.state.set(PageState::Loading);
        let answer = fetch(session.client(), after);
        spawn_local(async move {
            let answer = answer.await;
            if self.generation.try_get_untracked() != Some(generation) {
                return;
            }
            match answer {
                Ok(Page { items, next, total }) => {
                    self.items.update(|list| {
                        if from_start {
                            list.clear();
                        }
                        list.extend(items);
                    });
                    self.next.set(next);
                    // A list may count only on its first page; later pages keep that count.
                    if from_start || total.is_some() {
                        self.total.set(total);
                    }
                    self.state.set(PageState::Loaded);
                }
                Err(error) => {
                    session.on_error(error.code());
                    self.state.try_set(PageState::Failed(error.code()));
                }
            }
        });
    }

    pub fn failed(self) -> Option<ErrorCode> {
        match self.state.get() {
            PageState::Failed(code) => Some(code),
            _ => None,
        }
    }

    pub fn loading(self) -> bool {
        self.state.get() == PageState::Loading
    }

    /// Loaded, and nothing in it.
    pub fn is_empty(self) -> bool {
        self.state.get() == PageState::Loaded && self.items.with(Vec::is_empty)
    }

    /// A next page exists and nothing is loading.
    pub fn has_more(self) -> bool {
        self.next.with(Option::is_some) && self.state.get() == PageState::Loaded
    }
}

/// The "more" button under a paged list, shown while there is more to load.
#[component]
pub fn MoreButton(
    #[prop(into)] id: String,
    /// Fluent id of the button's word.
    label: &'static str,
    /// Whether to show it.
    #[prop(into)]
    shown: Signal<bool>,
    more: Callback<()>,
) -> impl IntoView {
    move || {
        shown.get().then(|| {
            view! {
                <div class="form-actions">
                    <button type="button" id=id.clone() class="button" on:click=move |_| more.run(())>{tr(label)}</button>
                </div>
            }
        })
    }
}
