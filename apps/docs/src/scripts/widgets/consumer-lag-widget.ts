// <consumer-lag-widget>: a consumer group's lag as consumers and partitions change.
import { SimWidget } from "../sim-widget";

customElements.define("consumer-lag-widget", class extends SimWidget {});
