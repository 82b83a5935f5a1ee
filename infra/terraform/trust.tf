# Who may assume the application's role: ECS tasks of this account (default), or a Kubernetes
# service account on EKS through IRSA (the cluster's OIDC provider) or EKS Pod Identity.

locals {
  trust_policies = {
    "ecs"              = data.aws_iam_policy_document.ecs_tasks.json
    "eks-irsa"         = one(data.aws_iam_policy_document.eks_irsa[*].json)
    "eks-pod-identity" = data.aws_iam_policy_document.eks_pod_identity.json
  }
  trust_policy = local.trust_policies[var.workload_platform]
}

data "aws_iam_policy_document" "ecs_tasks" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }

    # Only tasks of this account: the confused-deputy guard AWS recommends for task roles.
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

data "aws_iam_policy_document" "eks_irsa" {
  count = var.workload_platform == "eks-irsa" ? 1 : 0

  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [var.eks_oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:sub"
      values   = ["system:serviceaccount:${var.eks_service_account}"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

locals {
  # oidc.eks.<region>.amazonaws.com/id/<id>: the provider ARN after "oidc-provider/".
  oidc_issuer = try(element(split("oidc-provider/", var.eks_oidc_provider_arn), 1), "")
}

data "aws_iam_policy_document" "eks_pod_identity" {
  statement {
    actions = ["sts:AssumeRole", "sts:TagSession"]

    principals {
      type        = "Service"
      identifiers = ["pods.eks.amazonaws.com"]
    }
  }
}
