//! The activity log and who has seen the dialog, as accessible lists.

use altinn::{Actor, ActorType, BestMatch, DialogActivity, DialogSeenLog};
use chrono::{DateTime, Local, SecondsFormat, Utc};
use leptos::prelude::*;

use super::model::activity_type_key;
use crate::format::long_date;
use crate::i18n::{DialogKey, Lang, use_i18n};
use crate::party_tree::title_case;

/// An actor's name for people: the name, else "Service owner" (or the sender's name). The
/// register's upper-case names ("NORDMANN OLA") are written as the party picker writes them
/// ("Nordmann Ola"); a name with any lower-case letter is the service owner's own and kept.
pub fn actor_name(actor: &Actor, service_owner: &str, lang: Lang) -> String {
    match (&actor.actor_name, &actor.actor_type) {
        (Some(name), _) if !name.trim().is_empty() => {
            if name.chars().any(char::is_lowercase) {
                name.clone()
            } else {
                title_case(name)
            }
        }
        (_, ActorType::ServiceOwner) => service_owner.to_owned(),
        _ => lang.t(DialogKey::UnknownActor).to_owned(),
    }
}

/// A `<time>` with a long local date.
#[component]
pub fn Moment(
    /// The moment.
    at: DateTime<Utc>,
) -> impl IntoView {
    let i18n = use_i18n();
    let local = at.with_timezone(&Local).naive_local();
    view! {
        <time datetime=at.to_rfc3339_opts(SecondsFormat::Secs, true)>
            {move || long_date(local, i18n.lang())}
        </time>
    }
}

/// The activity log, newest first.
#[component]
pub fn ActivityLog(
    /// The activities, in any order.
    mut activities: Vec<DialogActivity>,
    /// The sender's name, for activities by the service owner.
    sender: String,
) -> impl IntoView {
    let i18n = use_i18n();
    if activities.is_empty() {
        return view! { <p class="muted">{i18n.tr(DialogKey::NoActivities)}</p> }.into_any();
    }
    activities.sort_by_key(|a| std::cmp::Reverse(a.created_at));
    let items = activities
        .into_iter()
        .map(|activity| {
            let kind = activity_type_key(&activity.activity_type);
            let by = activity.performed_by.clone();
            let sender = sender.clone();
            let performer = move || {
                by.as_ref().map(|actor| {
                    let lang = i18n.lang();
                    lang.tf(
                        DialogKey::PerformedBy,
                        &[("name", &actor_name(actor, &sender, lang))],
                    )
                })
            };
            let description = activity.description.clone();
            let text = move || {
                description
                    .as_deref()
                    .and_then(|d| d.best_match(i18n.lang().code()))
                    .map(str::to_owned)
            };
            view! {
                <li class="history__item">
                    <span class="history__what">{i18n.tr(kind)}</span>
                    {activity.created_at.map(|at| view! { " · " <Moment at=at /> })}
                    {move || performer().map(|p| view! { <span class="history__who">{p}</span> })}
                    {move || text().map(|t| view! { <span class="history__text">{t}</span> })}
                </li>
            }
        })
        .collect_view();
    view! { <ol class="history" aria-label=i18n.tr(DialogKey::ActivityLog)>{items}</ol> }.into_any()
}

/// Who has seen the dialog since it was last updated.
#[component]
pub fn SeenBy(
    /// The seen-log entries.
    mut seen: Vec<DialogSeenLog>,
    /// The sender's name, for entries by the service owner.
    sender: String,
) -> impl IntoView {
    let i18n = use_i18n();
    if seen.is_empty() {
        return view! { <p class="muted">{i18n.tr(DialogKey::NotSeen)}</p> }.into_any();
    }
    seen.sort_by_key(|s| std::cmp::Reverse(s.seen_at));
    let items = seen
        .into_iter()
        .map(|entry| {
            let sender = sender.clone();
            let who = move || {
                let lang = i18n.lang();
                let name = actor_name(&entry.seen_by, &sender, lang);
                if entry.is_current_end_user {
                    format!("{name} {}", lang.t(DialogKey::SeenYouSuffix))
                } else {
                    name
                }
            };
            view! {
                <li class="history__item">
                    <span class="history__what">{who}</span>
                    " · "
                    <Moment at=entry.seen_at />
                </li>
            }
        })
        .collect_view();
    view! { <ul class="history" aria-label=i18n.tr(DialogKey::SeenBy)>{items}</ul> }.into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn person(name: Option<&str>) -> Actor {
        Actor {
            actor_type: ActorType::PartyRepresentative,
            actor_name: name.map(str::to_owned),
            actor_id: None,
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn register_names_are_title_cased_others_kept() {
        let name = |actor: &Actor| actor_name(actor, "Skatteetaten", Lang::En);
        assert_eq!(name(&person(Some("NORDMANN OLA"))), "Nordmann Ola");
        assert_eq!(name(&person(Some("ØSTLI-HANSEN ÅSE"))), "Østli-Hansen Åse");
        assert_eq!(name(&person(Some("Some custom name"))), "Some custom name");
        assert_eq!(name(&person(Some("  "))), "Unknown");
        let owner = Actor {
            actor_type: ActorType::ServiceOwner,
            actor_name: None,
            actor_id: None,
        };
        assert_eq!(name(&owner), "Skatteetaten");
    }
}
