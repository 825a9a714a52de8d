// <consistent-hashing-widget>: keys moved by adding a backend, and hot keys under bounded loads.
import { SimWidget } from "../sim-widget";

customElements.define("consistent-hashing-widget", class extends SimWidget {});
