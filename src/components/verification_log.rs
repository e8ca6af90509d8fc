//! "Recent verifications": the staff user's audit log of phone verifications.

use chrono::{Local, SecondsFormat};
use leptos::prelude::*;
use portal_api::otp::{VerificationLog, VerificationRecord, VerificationResult};

use super::ApiErrorNotice;
use crate::api::ApiError;
use crate::api::otp::list_verifications;
use crate::format::{long_date, short_date};
use crate::i18n::{Lang, OtpKey, use_i18n};
use crate::load::{Loaded, load};
use crate::otp_model::result_key;
use crate::session::use_session;

/// The audit log under an `h2`, fetched again whenever `refresh` changes.
#[component]
pub fn VerificationLogList(
    /// Bump to fetch the log again (after each outcome).
    #[prop(into)]
    refresh: Signal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let log: Loaded<Result<VerificationLog, ApiError>> = load(move || {
        refresh.track();
        let lang = i18n.lang_signal().get_untracked();
        async move {
            let result = list_verifications(lang).await;
            if let Err(error) = &result {
                session.observe(error);
            }
            result
        }
    });

    let body = move || {
        let lang = i18n.lang();
        // Keep showing the previous list while a refresh is on its way.
        log.with(|answer| match answer {
            None => view! { <p class="muted">{lang.t(OtpKey::OtpLoadingVerifications)}</p> }
                .into_any(),
            Some(Err(error)) => {
                let error = error.clone();
                view! { <ApiErrorNotice error=error on_retry=Callback::new(move |_| log.refetch()) /> }
                    .into_any()
            }
            Some(Ok(log)) if log.items.is_empty() => {
                view! { <p class="muted">{lang.t(OtpKey::OtpNoVerifications)}</p> }.into_any()
            }
            Some(Ok(log)) => view! {
                <ul class="otp-log" aria-labelledby="otp-log-heading">
                    {log.items.iter().map(|record| record_view(record, lang)).collect_view()}
                </ul>
            }
            .into_any(),
        })
    };

    view! {
        <section class="otp-log-section" aria-labelledby="otp-log-heading">
            <h2 id="otp-log-heading">{i18n.tr(OtpKey::OtpRecentVerifications)}</h2>
            {body}
        </section>
    }
}

fn record_view(record: &VerificationRecord, lang: Lang) -> impl IntoView + use<> {
    let at = record.completed_at.unwrap_or(record.created_at);
    let local = at.with_timezone(&Local).naive_local();
    let now = Local::now().naive_local();
    let result = result_key(record.result);
    let tone = match record.result {
        VerificationResult::Pending => "otp-log__result otp-log__result--pending",
        VerificationResult::Verified => "otp-log__result otp-log__result--verified",
        VerificationResult::Locked => "otp-log__result otp-log__result--locked",
        VerificationResult::Expired => "otp-log__result otp-log__result--expired",
        VerificationResult::Superseded => "otp-log__result otp-log__result--superseded",
    };
    let failed = (record.failed_attempts > 0).then(|| {
        lang.tf(
            OtpKey::OtpFailedAttempts,
            &[("n", &record.failed_attempts.to_string())],
        )
    });
    view! {
        <li class="otp-log__item">
            <div class="otp-log__head">
                <span class="otp-log__number">{record.phone_number_masked.clone()}</span>
                <span class=tone>{lang.t(result)}</span>
            </div>
            <dl class="otp-log__facts">
                {record
                    .case_reference
                    .clone()
                    .map(|reference| {
                        view! {
                            <dt>{lang.t(OtpKey::OtpCaseReference)}</dt>
                            <dd>{reference}</dd>
                        }
                    })}
                <dt>{lang.t(OtpKey::OtpTime)}</dt>
                <dd>
                    <time
                        datetime=at.to_rfc3339_opts(SecondsFormat::Secs, true)
                        title=long_date(local, lang)
                    >
                        {short_date(local, now, lang)}
                    </time>
                </dd>
                <dt>{lang.t(OtpKey::OtpHandledBy)}</dt>
                <dd>{record.staff_name.clone()}</dd>
            </dl>
            {failed.map(|text| view! { <p class="otp-log__meta">{text}</p> })}
        </li>
    }
}
