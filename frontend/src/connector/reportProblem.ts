// "Report a problem with this listing": anyone says what is wrong (closed, wrong phone...);
// the report waits in the moderation queue. The reporter is not recorded.
import { op, isFailure, type Failure } from "../api/client";
import { t } from "../i18n";
import { actionMessage, h, setMessage } from "../ui/dom";

export function reportProblemBox(serviceId: string): HTMLElement {
  const text = h("textarea", { id: "report-text", rows: 2, maxlength: 2000 });
  const send = h("button", { type: "button", id: "report-send", text: t("report.send") });
  const box = h(
    "details",
    { class: "report-problem no-print" },
    h("summary", { text: t("report.open") }),
    h("label", { for: "report-text", text: t("report.label") }),
    text,
    send,
    actionMessage("report-message"),
  );
  send.addEventListener("click", async () => {
    if (!text.value.trim()) {
      setMessage("report-message", t("report.empty"), true);
      text.focus();
      return;
    }
    setMessage("report-message", t("common.loading"));
    try {
      const data = await op("reportProblem", {
        serviceId,
        message: text.value.trim(),
      });
      const result = data.reportProblem;
      if (isFailure(result)) throw new Error(result.message ?? result.__typename);
      text.value = "";
      setMessage("report-message", t("report.thanks"));
    } catch (error) {
      setMessage("report-message", (error as Error).message, true);
    }
  });
  return box;
}
