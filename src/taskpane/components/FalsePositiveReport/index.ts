export { FalsePositiveReport, type FalsePositiveReportProps } from "./FalsePositiveReport";
