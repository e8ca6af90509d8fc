//! `/inbox/{id}?party=…`: one dialog in full. Title as the page heading; sender, party,
//! status, dates, summary and additional info; the main content (rendered by the server into
//! an inert block tree); attachments; GUI actions by priority and API actions for
//! developers; transmissions; activity log and seen-by; moving between inbox, archive and
//! bin. Each reason a dialog cannot be shown has its own explanation.

use altinn::{AuthorizedParty, ContentValue, Dialog, DialogEndUserContext, SystemLabel};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map};

use crate::a11y::use_page_title_with;
use crate::api::dialog_content::{ContentRef, DialogLoadError, get_content, get_dialog_details};
use crate::api::dialogporten::get_parties;
use crate::components::details::model::folder;
use crate::components::details::{
    ActivityLog, ApiActions, AttachmentList, DetailsStatus, DialogLoadNotice, GuiActions,
    LabelActions, Moment, RenderedBlocks, SeenBy, StatusRegion, Transmissions,
};
use crate::i18n::{DialogKey, I18n, Key, Lang, use_i18n};
use crate::inbox_model::status_word;
use crate::load::{Loaded, load};
use crate::party_tree::title_case;
use crate::routes::path_with_query;
use crate::session::use_session;

fn dialog_title(dialog: &Dialog, lang: Lang) -> String {
    dialog
        .title(lang.code())
        .filter(|t| !t.trim().is_empty())
        .unwrap_or(lang.t(Key::Untitled))
        .to_owned()
}

fn find_party<'a>(parties: &'a [AuthorizedParty], urn: &str) -> Option<&'a AuthorizedParty> {
    parties.iter().find_map(|p| {
        if p.party.to_string() == urn {
            Some(p)
        } else {
            find_party(p.sub_parties.as_deref().unwrap_or_default(), urn)
        }
    })
}

/// One dialog.
#[component]
pub fn DialogPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let params = use_params_map();
    let location = use_location();
    let status = DetailsStatus(RwSignal::new(None));
    provide_context(status);

    let id = Memo::new(move |_| params.with(|p| p.get("id")).unwrap_or_default());
    let reload = RwSignal::new(0u32);
    // The dialog does not depend on the language (texts are picked here), so switching
    // language does not fetch it again (every fetch counts as "seen").
    let dialog: Loaded<Result<Dialog, DialogLoadError>> = load(move || {
        let id = id.get();
        reload.track();
        let lang = i18n.lang_signal().get_untracked();
        async move {
            let result = get_dialog_details(&id, lang).await;
            if let Err(DialogLoadError::Other(error)) = &result {
                session.observe(error);
            }
            result
        }
    });
    let reload_dialog = Callback::new(move |_: ()| reload.update(|n| *n += 1));

    let back_href = move || path_with_query("/inbox", &location.search.get());
    let heading = move || {
        let lang = i18n.lang();
        dialog.with(|d| match d {
            Some(Ok(dialog)) => dialog_title(dialog, lang),
            _ => lang.t(DialogKey::DialogHeading).to_owned(),
        })
    };
    use_page_title_with(heading);

    view! {
        <div class="page dialog-page">
            <p class="dialog-page__back">
                <a href=back_href>{i18n.tr(DialogKey::BackToInbox)}</a>
            </p>
            <h1 tabindex="-1">{heading}</h1>
            <StatusRegion status=status />
            <div aria-busy=move || dialog.with(Option::is_none).to_string()>
                {move || match dialog.get() {
                    None => view! { <p role="status">{i18n.tr(DialogKey::LoadingDialog)}</p> }.into_any(),
                    Some(Err(error)) => view! { <DialogLoadNotice error=error on_retry=reload_dialog /> }.into_any(),
                    Some(Ok(dialog)) => view! { <DialogDetails dialog=dialog on_reload=reload_dialog /> }.into_any(),
                }}
            </div>
        </div>
    }
}

/// Everything about a loaded dialog.
#[component]
fn DialogDetails(dialog: Dialog, on_reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let id = dialog.id.to_string();
    let context: RwSignal<DialogEndUserContext> = RwSignal::new(dialog.end_user_context.clone());
    let in_bin =
        Signal::derive(move || context.with(|c| folder(&c.system_labels) == SystemLabel::Bin));
    let sender_name = dialog.sender_name(Lang::Nb.code()).to_owned();
    let sender = {
        let d = dialog.clone();
        move || d.sender_name(i18n.lang().code()).to_owned()
    };
    let (status_key, status_class) = status_word(&dialog.status);
    let extended_status = best_text(dialog.content.extended_status.clone(), i18n);
    let summary = best_text(dialog.content.summary.clone(), i18n);
    let additional_info = best_text(dialog.content.additional_info.clone(), i18n);
    let party_urn = dialog.party.to_string();
    let parties = load(move || get_parties(i18n.lang_signal().get_untracked()));
    let party = {
        let urn = party_urn.clone();
        move || {
            parties
                .with(|p| match p {
                    Some(Ok(parties)) => {
                        find_party(&parties.authorized_parties, &urn).map(|p| title_case(&p.name))
                    }
                    _ => None,
                })
                .unwrap_or_else(|| urn.rsplit(':').next().unwrap_or_default().to_owned())
        }
    };
    let main_content = dialog.content.main_content_reference.clone();
    let attachments = dialog.attachments.clone();
    let attachment_label = Signal::derive(move || i18n.t(DialogKey::Attachments).to_owned());

    view! {
        <dl class="facts">
            <dt>{i18n.tr(DialogKey::From)}</dt>
            <dd>{sender}</dd>
            <dt>{i18n.tr(DialogKey::Recipient)}</dt>
            <dd>{party}</dd>
            <dt>{i18n.tr(Key::Status)}</dt>
            <dd>
                <span class=format!("status status--{status_class}")>{i18n.tr(status_key)}</span>
                {move || extended_status().map(|s| view! { " – " <span class="extended-status">{s}</span> })}
            </dd>
            <dt>{i18n.tr(DialogKey::Created)}</dt>
            <dd><Moment at=dialog.created_at /></dd>
            <dt>{i18n.tr(Key::Updated)}</dt>
            <dd><Moment at=dialog.content_updated_at /></dd>
            {dialog.due_at.map(|due| view! {
                <dt>{i18n.tr(DialogKey::Due)}</dt>
                <dd><Moment at=due /></dd>
            })}
        </dl>
        <LabelActions dialog_id=id.clone() context=context on_reload=on_reload />
        {move || summary().map(|s| view! { <p class="dialog-page__summary lead">{s}</p> })}
        <GuiActions
            dialog_id=id.clone()
            actions=dialog.gui_actions.clone()
            in_bin=in_bin
            on_deleted=on_reload
        />
        {main_content.map(|reference| view! { <MainContent dialog_id=id.clone() authorized=reference.is_authorized != Some(false) /> })}
        {move || additional_info().map(|text| view! {
            <section class="details-section" aria-labelledby="additional-info-heading">
                <h2 id="additional-info-heading">{i18n.tr(DialogKey::AdditionalInfo)}</h2>
                <p class="dialog-page__summary">{text}</p>
            </section>
        })}
        <section class="details-section" aria-labelledby="attachments-heading">
            <h2 id="attachments-heading">{i18n.tr(DialogKey::Attachments)}</h2>
            <AttachmentList attachments=attachments label=attachment_label />
        </section>
        <section class="details-section" aria-labelledby="transmissions-heading">
            <h2 id="transmissions-heading">{i18n.tr(DialogKey::Transmissions)}</h2>
            <Transmissions dialog_id=id.clone() transmissions=dialog.transmissions.clone() sender=sender_name.clone() />
        </section>
        <section class="details-section" aria-labelledby="activity-heading">
            <h2 id="activity-heading">{i18n.tr(DialogKey::ActivityLog)}</h2>
            <ActivityLog activities=dialog.activities.clone() sender=sender_name.clone() />
        </section>
        <section class="details-section" aria-labelledby="seen-heading">
            <h2 id="seen-heading">{i18n.tr(DialogKey::SeenBy)}</h2>
            <SeenBy seen=dialog.seen_since_last_update.clone() sender=sender_name.clone() />
        </section>
        {(!dialog.api_actions.is_empty()).then(|| view! { <ApiActions actions=dialog.api_actions.clone() /> })}
    }
}

/// The dialog's main content, fetched through the server (which holds the dialog token).
#[component]
fn MainContent(dialog_id: String, authorized: bool) -> impl IntoView {
    let i18n = use_i18n();
    let attempt = RwSignal::new(0u32);
    let content = load(move || {
        attempt.track();
        let (id, lang) = (dialog_id.clone(), i18n.lang());
        async move { get_content(&id, &ContentRef::Main, lang).await }
    });
    view! {
        <section class="details-section main-content" aria-labelledby="content-heading">
            <h2 id="content-heading" class="visually-hidden">{i18n.tr(DialogKey::Content)}</h2>
            {move || {
                if !authorized {
                    return view! { <p class="muted">{i18n.tr(DialogKey::ContentNotAuthorized)}</p> }.into_any();
                }
                match content.get() {
                    None => view! { <p role="status">{i18n.tr(DialogKey::LoadingContent)}</p> }.into_any(),
                    Some(Ok(rendered)) => view! { <RenderedBlocks content=rendered parent_level=2 /> }.into_any(),
                    Some(Err(_)) => view! {
                        <div class="notice notice--error" role="alert">
                            <p class="notice__message">{i18n.tr(DialogKey::ContentFailed)}</p>
                            <button type="button" class="button" on:click=move |_| attempt.update(|n| *n += 1)>
                                {i18n.tr(Key::TryAgain)}
                            </button>
                        </div>
                    }.into_any(),
                }
            }}
        </section>
    }
}

/// The text of `value` in the UI language (or the best other one), unless it is blank;
/// follows language changes.
fn best_text(value: Option<ContentValue>, i18n: I18n) -> impl Fn() -> Option<String> + Clone {
    move || {
        value
            .as_ref()
            .and_then(|v| v.best(i18n.lang().code()))
            .filter(|s| !s.trim().is_empty())
            .map(str::to_owned)
    }
}
