export { MIN_REASON, SendPanel, type SendPanelProps } from "./SendPanel";
