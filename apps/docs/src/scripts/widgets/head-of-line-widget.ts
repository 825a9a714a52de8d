// <head-of-line-widget>: short tasks reserved behind long ones, by prefetch multiplier and acks.
import { SimWidget } from "../sim-widget";

customElements.define("head-of-line-widget", class extends SimWidget {});
