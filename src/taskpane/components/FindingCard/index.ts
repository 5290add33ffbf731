export { FindingCard, type FindingCardProps } from "./FindingCard";
