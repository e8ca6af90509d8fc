//! The phone verification flow for staff: send a one-time code by SMS, follow the
//! countdown, the delivery status (polled while the SMS is on its way) and the attempts
//! left, and check the code the caller reads back.
//!
//! Outcomes are announced in one `role="status"` region (focused after verifying); the
//! visible countdown is said aloud only at whole minutes and at 30 seconds, through a
//! separate polite live region.

use std::time::Duration;

use chrono::Utc;
use leptos::prelude::*;
use leptos::task::spawn_local;
use portal_api::otp::{Challenge, ChallengeState, CreateChallenge, DeliveryState};
use wasm_bindgen::JsCast;

use super::{ApiErrorNotice, VerificationLogList};
use crate::api::ApiError;
use crate::api::otp::{IdempotencyKey, create_challenge, get_challenge, verify_code};
use crate::i18n::{Lang, OtpKey, use_i18n};
use crate::otp_model::{
    ChallengeClock, OtpMessage, OtpProblem, delivery_in_progress, delivery_key, failure_reason_key,
    format_countdown, is_complete_code, is_open, looks_like_phone_number, merge_delivery,
    milestone_passed, normalize_code,
};
use crate::session::use_session;

const PHONE_ID: &str = "otp-phone";
const CODE_ID: &str = "otp-code";
const STATUS_ID: &str = "otp-status";

/// Why the phone field is marked invalid.
#[derive(Clone, Debug, PartialEq)]
enum PhoneFieldError {
    /// The server's own words.
    Server(String),
    /// Our words.
    Ours(OtpKey),
}

/// The form, the challenge in progress, and the recent verifications.
#[component]
pub fn PhoneVerification() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();

    let phone = RwSignal::new(String::new());
    let case_reference = RwSignal::new(String::new());
    let phone_error = RwSignal::new(None::<PhoneFieldError>);
    let sending = RwSignal::new(false);
    // The last create request that got no answer, and its key: sending the same request
    // again is a retry of the same intent and must not send a second SMS.
    let unanswered = RwSignal::new(None::<(CreateChallenge, IdempotencyKey)>);

    let challenge = RwSignal::new(None::<Challenge>);
    let clock = RwSignal::new(None::<ChallengeClock>);
    let now = RwSignal::new(Utc::now());
    let last_seconds = RwSignal::new(0u32);
    let polling = RwSignal::new(false);

    let code = RwSignal::new(String::new());
    let code_incomplete = RwSignal::new(false);
    let verifying = RwSignal::new(false);

    let message = RwSignal::new(None::<OtpMessage>);
    let progress = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let log_version = RwSignal::new(0u32);

    let lang = move || i18n.lang_signal().get_untracked();
    let seconds_left = move || {
        clock
            .get()
            .map(|c| c.seconds_left(now.get()))
            .unwrap_or_default()
    };
    let resend_wait = move || {
        clock
            .get()
            .map(|c| c.resend_wait(now.get()))
            .unwrap_or_default()
    };

    let resend_wait_now = move || {
        clock
            .get_untracked()
            .map(|c| c.resend_wait(Utc::now()))
            .unwrap_or_default()
    };

    // A new state of the challenge from the server (poll or verify answer).
    let apply = move |next: Challenge| {
        let Some(previous) = challenge.try_get_untracked().flatten() else {
            return;
        };
        if previous.id != next.id {
            return; // an answer about a challenge that is no longer shown
        }
        // A poll that was on its way while a code was checked may be older than what is
        // shown: attempts only go down, and a closed challenge stays closed.
        let next = Challenge {
            delivery: merge_delivery(&previous.delivery, next.delivery.clone()),
            attempts_left: previous.attempts_left.min(next.attempts_left),
            state: if is_open(&previous) {
                next.state
            } else {
                previous.state
            },
            ..next
        };
        if previous.delivery.state != next.delivery.state {
            match next.delivery.state {
                DeliveryState::Failed => {
                    message.set(Some(OtpMessage::DeliveryFailed(failure_reason_key(
                        &next.delivery,
                    ))));
                    log_version.update(|v| *v += 1);
                }
                state => {
                    if state != DeliveryState::Unknown {
                        let lang = lang();
                        progress.set(format!(
                            "{}: {}",
                            lang.t(OtpKey::OtpSmsStatus),
                            lang.t(delivery_key(&next.delivery))
                        ));
                    }
                }
            }
        }
        if previous.state == ChallengeState::Pending {
            let closed = match next.state {
                ChallengeState::Pending => None,
                ChallengeState::Verified => None, // told by the verify answer
                ChallengeState::Expired => Some(OtpKey::OtpExpired),
                ChallengeState::Locked => Some(OtpKey::OtpLocked),
                ChallengeState::Superseded => Some(OtpKey::OtpSuperseded),
            };
            if let Some(key) = closed {
                message.set(Some(OtpMessage::Plain(key)));
                log_version.update(|v| *v += 1);
            }
        }
        challenge.set(Some(next));
    };

    // Every second: the clock, the countdown's milestones, and a poll while anything may
    // still change (the SMS is on its way, or the code has just run out).
    let tick = move || {
        if now.try_set(Utc::now()).is_some() {
            return; // the page is gone
        }
        let Some(Some(open)) = challenge.try_with_untracked(|c| c.clone().filter(is_open)) else {
            return;
        };
        let left = clock
            .get_untracked()
            .map(|c| c.seconds_left(Utc::now()))
            .unwrap_or_default();
        if let Some(milestone) = milestone_passed(last_seconds.get_untracked(), left) {
            let (key, n) = milestone.key();
            let text = match n {
                Some(n) => lang().tf(key, &[("n", &n.to_string())]),
                None => lang().t(key).to_owned(),
            };
            progress.set(text);
        }
        last_seconds.set(left);
        if (delivery_in_progress(&open.delivery) || left == 0) && !polling.get_untracked() {
            polling.set(true);
            let lang = lang();
            spawn_local(async move {
                let result = get_challenge(open.id, lang).await;
                if polling.try_set(false).is_some() {
                    return; // the page is gone
                }
                match result {
                    Ok(next) => apply(next),
                    Err(err) => session.observe(&err),
                }
            });
        }
    };
    if let Ok(handle) = set_interval_with_handle(tick, Duration::from_secs(1)) {
        on_cleanup(move || handle.clear());
    }

    let send = move |request: CreateChallenge| {
        if sending.get_untracked() {
            return;
        }
        let key = unanswered
            .get_untracked()
            .filter(|(previous, _)| *previous == request)
            .map(|(_, key)| key)
            .unwrap_or_default();
        sending.set(true);
        error.set(None);
        phone_error.set(None);
        message.set(Some(OtpMessage::Plain(OtpKey::OtpSending)));
        let lang = lang();
        spawn_local(async move {
            let result = create_challenge(&request, key, lang).await;
            if sending.try_set(false).is_some() {
                return;
            }
            match result {
                Ok(created) => {
                    // A new code for the same number: say so, so it is announced again.
                    let sent = if challenge.with_untracked(Option::is_some) {
                        OtpKey::OtpNewCodeSent
                    } else {
                        OtpKey::OtpCodeSent
                    };
                    unanswered.set(None);
                    clock.set(Some(ChallengeClock::new(&created, Utc::now())));
                    last_seconds.set(created.seconds_left);
                    progress.set(String::new());
                    code.set(String::new());
                    code_incomplete.set(false);
                    challenge.set(Some(created));
                    message.set(Some(OtpMessage::Plain(sent)));
                    log_version.update(|v| *v += 1);
                    focus_later(CODE_ID);
                }
                Err(err) => {
                    session.observe(&err);
                    let retry = matches!(err, ApiError::Network(_)).then_some((request, key));
                    unanswered.set(retry);
                    let problem = OtpProblem::from_error(&err);
                    match (&problem, problem.message()) {
                        (OtpProblem::InvalidPhone { message: said }, _) => {
                            message.set(None);
                            phone_error.set(Some(match said {
                                Some(text) => PhoneFieldError::Server(text.clone()),
                                None => PhoneFieldError::Ours(OtpKey::OtpInvalidPhone),
                            }));
                            // The form is shown again when no challenge is open.
                            challenge.set(None);
                            clock.set(None);
                            focus_later(PHONE_ID);
                        }
                        (_, Some((key, value))) => {
                            message.set(Some(match value {
                                Some(value) => OtpMessage::With(key, "n", value),
                                None => OtpMessage::Plain(key),
                            }));
                        }
                        (_, None) => {
                            message.set(None);
                            error.set(Some(err));
                        }
                    }
                }
            }
        });
    };

    let request = move || CreateChallenge {
        phone_number: phone.get_untracked().trim().to_owned(),
        case_reference: Some(case_reference.get_untracked().trim().to_owned())
            .filter(|r| !r.is_empty()),
        language: Some(lang().code().to_owned()),
    };

    let on_send = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        if !looks_like_phone_number(&phone.get_untracked()) {
            phone_error.set(Some(PhoneFieldError::Ours(OtpKey::OtpPhoneLooksWrong)));
            focus_later(PHONE_ID);
            return;
        }
        send(request());
    };
    let on_resend = move |_| {
        if resend_wait_now() > 0 || sending.get_untracked() {
            return;
        }
        send(request());
    };

    let on_verify = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if verifying.get_untracked() {
            return;
        }
        let Some(current) = challenge.get_untracked().filter(is_open) else {
            return;
        };
        let entered = code.get_untracked();
        if !is_complete_code(&entered) {
            code_incomplete.set(true);
            focus_later(CODE_ID);
            return;
        }
        code_incomplete.set(false);
        verifying.set(true);
        error.set(None);
        let lang = lang();
        spawn_local(async move {
            let result = verify_code(current.id, &entered, lang).await;
            if verifying.try_set(false).is_some() {
                return;
            }
            match result {
                Ok(mut done) => {
                    // The verify answer carries no shipment status; keep the one shown.
                    if let Some(Some(shown)) = challenge.try_with_untracked(|c| c.clone())
                        && shown.id == done.id
                    {
                        done.delivery = merge_delivery(&shown.delivery, done.delivery);
                    }
                    let masked = done.phone_number_masked.clone();
                    challenge.set(Some(done));
                    message.set(Some(OtpMessage::With(
                        OtpKey::OtpVerified,
                        "number",
                        masked,
                    )));
                }
                Err(err) => {
                    session.observe(&err);
                    let problem = OtpProblem::from_error(&err);
                    challenge.update(|c| {
                        if let Some(c) = c.as_mut().filter(|c| c.id == current.id) {
                            if let OtpProblem::WrongCode {
                                attempts_left: Some(n),
                            } = problem
                            {
                                c.attempts_left = n;
                            }
                            if let Some(state) = problem.closes_challenge() {
                                c.state = state;
                            }
                        }
                    });
                    code.set(String::new());
                    match problem.message() {
                        Some((key, Some(value))) => {
                            message.set(Some(OtpMessage::With(key, "n", value)))
                        }
                        Some((key, None)) => message.set(Some(OtpMessage::Plain(key))),
                        None => {
                            message.set(None);
                            error.set(Some(err));
                        }
                    }
                }
            }
            log_version.update(|v| *v += 1);
            focus_later(STATUS_ID);
        });
    };

    let start_over = move |_| {
        challenge.set(None);
        clock.set(None);
        code.set(String::new());
        phone.set(String::new());
        case_reference.set(String::new());
        message.set(None);
        progress.set(String::new());
        error.set(None);
        focus_later(PHONE_ID);
    };

    let resend_blocked = move || resend_wait() > 0;
    let has_challenge = move || challenge.with(Option::is_some);
    let open = move || challenge.with(|c| c.as_ref().is_some_and(is_open));
    let verified = move || {
        challenge.with(|c| {
            c.as_ref()
                .is_some_and(|c| c.state == ChallengeState::Verified)
        })
    };
    let phone_error_text = move || {
        phone_error.get().map(|e| match e {
            // The server words its field errors in English only.
            PhoneFieldError::Server(text) if i18n.lang() == Lang::En => text,
            PhoneFieldError::Server(_) => i18n.t(OtpKey::OtpInvalidPhone).to_owned(),
            PhoneFieldError::Ours(key) => i18n.t(key).to_owned(),
        })
    };
    let phone_described_by = move || {
        if phone_error.with(Option::is_some) {
            "otp-phone-hint otp-phone-error"
        } else {
            "otp-phone-hint"
        }
    };
    let code_described_by = move || {
        if code_incomplete.get() {
            "otp-code-hint otp-code-error"
        } else {
            "otp-code-hint"
        }
    };
    let delivery_text = move || {
        challenge.with(|c| {
            c.as_ref().map(|c| {
                let lang = i18n.lang();
                if c.delivery.state == DeliveryState::Failed {
                    let reason = lang.t(failure_reason_key(&c.delivery));
                    lang.tf(OtpKey::OtpDeliveryNotDelivered, &[("reason", reason)])
                } else {
                    lang.t(delivery_key(&c.delivery)).to_owned()
                }
            })
        })
    };

    view! {
        <p class="lead">{i18n.tr(OtpKey::OtpIntro)}</p>
        <Show when=move || !has_challenge()>
            <form class="otp-form" on:submit=on_send novalidate>
                <div class="field">
                    <label for=PHONE_ID>{i18n.tr(OtpKey::OtpPhoneNumber)}</label>
                    <p class="field__hint" id="otp-phone-hint">
                        {i18n.tr(OtpKey::OtpPhoneHint)}
                    </p>
                    <input
                        id=PHONE_ID
                        class="input input--phone"
                        type="tel"
                        autocomplete="off"
                        aria-required="true"
                        aria-invalid=move || phone_error.with(Option::is_some).to_string()
                        aria-describedby=phone_described_by
                        prop:value=move || phone.get()
                        on:input=move |ev| {
                            phone.set(event_target_value(&ev));
                            phone_error.set(None);
                        }
                    />
                    {move || {
                        phone_error_text()
                            .map(|text| {
                                view! {
                                    <p class="field__error" id="otp-phone-error">
                                        {text}
                                    </p>
                                }
                            })
                    }}
                </div>
                <div class="field">
                    <label for="otp-case">{i18n.tr(OtpKey::OtpCaseReference)}</label>
                    <p class="field__hint" id="otp-case-hint">
                        {i18n.tr(OtpKey::OtpCaseReferenceHint)}
                    </p>
                    <input
                        id="otp-case"
                        class="input"
                        type="text"
                        autocomplete="off"
                        aria-describedby="otp-case-hint"
                        prop:value=move || case_reference.get()
                        on:input=move |ev| case_reference.set(event_target_value(&ev))
                    />
                </div>
                <button
                    type="submit"
                    class="button button--primary"
                    aria-disabled=move || sending.get().to_string()
                >
                    {i18n.tr(OtpKey::OtpSendCode)}
                </button>
            </form>
        </Show>

        <p
            id=STATUS_ID
            role="status"
            tabindex="-1"
            class=move || {
                let tone = message.with(|m| m.as_ref().map(OtpMessage::tone).unwrap_or("none"));
                format!("otp-status otp-status--{tone}")
            }
        >
            {move || message.get().map(|m| m.text(i18n.lang()))}
        </p>
        // The countdown and the delivery progress, said at sensible moments only.
        <p class="visually-hidden" aria-live="polite">
            {move || progress.get()}
        </p>
        {move || {
            error
                .get()
                .map(|err| {
                    view! { <ApiErrorNotice error=err /> }
                })
        }}

        <Show when=has_challenge>
            <section class="otp-challenge" aria-labelledby="otp-challenge-heading">
                <h2 id="otp-challenge-heading">
                    {move || {
                        challenge
                            .with(|c| {
                                c.as_ref()
                                    .map(|c| {
                                        i18n.tf(
                                            OtpKey::OtpCodeSentTo,
                                            &[("number", &c.phone_number_masked)],
                                        )
                                    })
                            })
                    }}
                </h2>
                {move || {
                    challenge
                        .with(|c| c.as_ref().and_then(|c| c.case_reference.clone()))
                        .map(|reference| {
                            view! {
                                <p class="muted">
                                    {move || {
                                        i18n.tf(OtpKey::OtpForCase, &[("reference", &reference)])
                                    }}
                                </p>
                            }
                        })
                }}
                <dl class="facts otp-facts">
                    <Show when=open>
                        <dt>{i18n.tr(OtpKey::OtpTimeLeft)}</dt>
                        <dd>
                            <span class="otp-countdown">
                                {move || format_countdown(seconds_left())}
                            </span>
                        </dd>
                    </Show>
                    <dt>{i18n.tr(OtpKey::OtpSmsStatus)}</dt>
                    <dd class="otp-delivery">{delivery_text}</dd>
                    <Show when=open>
                        <dt>{i18n.tr(OtpKey::OtpAttemptsLeftLabel)}</dt>
                        <dd>
                            {move || {
                                challenge.with(|c| c.as_ref().map(|c| c.attempts_left))
                            }}
                        </dd>
                    </Show>
                </dl>
                <Show when=open>
                    <form class="otp-code-form" on:submit=on_verify novalidate>
                        <div class="field">
                            <label for=CODE_ID>{i18n.tr(OtpKey::OtpCode)}</label>
                            <p class="field__hint" id="otp-code-hint">
                                {i18n.tr(OtpKey::OtpCodeHint)}
                            </p>
                            <input
                                id=CODE_ID
                                class="input input--code"
                                type="text"
                                inputmode="numeric"
                                autocomplete="one-time-code"
                                aria-required="true"
                                aria-invalid=move || code_incomplete.get().to_string()
                                aria-describedby=code_described_by
                                prop:value=move || code.get()
                                on:input=move |ev| {
                                    code.set(normalize_code(&event_target_value(&ev)));
                                    code_incomplete.set(false);
                                }
                            />
                            <Show when=move || code_incomplete.get()>
                                <p class="field__error" id="otp-code-error">
                                    {i18n.tr(OtpKey::OtpCodeIncomplete)}
                                </p>
                            </Show>
                        </div>
                        <button
                            type="submit"
                            class="button button--primary"
                            aria-disabled=move || verifying.get().to_string()
                        >
                            {i18n.tr(OtpKey::OtpVerify)}
                        </button>
                    </form>
                </Show>
                <div class="otp-actions">
                    <Show when=move || !verified()>
                        <button
                            type="button"
                            class="button"
                            aria-disabled=move || (resend_blocked() || sending.get()).to_string()
                            aria-describedby=move || resend_blocked().then_some("otp-resend-hint")
                            on:click=on_resend
                        >
                            {i18n.tr(OtpKey::OtpSendNewCode)}
                        </button>
                        <Show when=resend_blocked>
                            <p class="field__hint otp-actions__hint" id="otp-resend-hint">
                                {move || {
                                    i18n.tf(
                                        OtpKey::OtpResendIn,
                                        &[("time", &format_countdown(resend_wait()))],
                                    )
                                }}
                            </p>
                        </Show>
                    </Show>
                    <button type="button" class="button" on:click=start_over>
                        {i18n.tr(OtpKey::OtpVerifyAnother)}
                    </button>
                </div>
            </section>
        </Show>

        <VerificationLogList refresh=log_version />
    }
}

/// Focuses the element with `id` once the view has caught up with the state.
fn focus_later(id: &'static str) {
    request_animation_frame(move || {
        if let Some(element) = document()
            .get_element_by_id(id)
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
}
