// <lease-timeline-widget>: a leased lock under process pauses, with and without fencing tokens.
import { SimWidget } from "../sim-widget";

customElements.define("lease-timeline-widget", class extends SimWidget {});
