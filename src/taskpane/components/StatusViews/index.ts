export { AllClearView, CannotSendView, ErrorView, LoadingView } from "./StatusViews";
