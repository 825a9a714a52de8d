// <python-concurrency-widget>: threads under the GIL, processes, asyncio and free-threaded threads.
import { SimWidget } from "../sim-widget";

customElements.define("python-concurrency-widget", class extends SimWidget {});
