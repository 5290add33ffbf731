export { AllClearView, ErrorView, LoadingView } from "./StatusViews";
