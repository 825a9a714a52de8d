// <waiting-for-jobs-widget>: polling vs long polling vs push for clients waiting on background jobs.
import { SimWidget } from "../sim-widget";

customElements.define("waiting-for-jobs-widget", class extends SimWidget {});
