// The course at a glance: every planned chapter, its part and its lab. The sidebar and the
// home page's course map both read this, so a chapter is listed once, here, in order.
export interface PlannedChapter {
  number: number;
  slug: string;
  title: string;
  lab?: string;
}

export interface CoursePart {
  name: string;
  chapters: PlannedChapter[];
}

export const COURSE: CoursePart[] = [
  {
    name: 'Foundations',
    chapters: [
      { number: 1, slug: '01-why-kubernetes', title: 'Why Kubernetes' },
      { number: 2, slug: '02-containers-to-cluster', title: 'From containers to a cluster', lab: 'tour' },
      { number: 3, slug: '03-reconciliation', title: 'Reconciliation: describe once, keep true', lab: 'self-healing' },
    ],
  },
  {
    name: 'Workloads',
    chapters: [
      { number: 4, slug: '04-first-pod', title: 'kubectl and your first Pod', lab: 'first-pod' },
      { number: 5, slug: '05-replicasets', title: 'ReplicaSets: three of these, always', lab: 'replicas' },
      { number: 6, slug: '06-deployments', title: 'Deployments: rollouts and rollbacks', lab: 'rollout' },
    ],
  },
  {
    name: 'Networking and configuration',
    chapters: [
      { number: 7, slug: '07-services', title: 'Services: stable names for moving pods', lab: 'services' },
      { number: 8, slug: '08-namespaces-labels', title: 'Namespaces and labels', lab: 'namespaces' },
      { number: 9, slug: '09-configmaps-secrets', title: 'ConfigMaps and Secrets', lab: 'config' },
      { number: 10, slug: '10-probes', title: 'Liveness and readiness', lab: 'probes' },
    ],
  },
  {
    name: 'Running for real',
    chapters: [
      { number: 11, slug: '11-scheduling', title: 'Resources and scheduling', lab: 'scheduling' },
      { number: 12, slug: '12-statefulsets', title: 'StatefulSets and storage', lab: 'postgres' },
      { number: 13, slug: '13-jobs-workers', title: 'Jobs and background workers', lab: 'workers' },
      { number: 14, slug: '14-gateway-api', title: 'Gateway API: one front door', lab: 'gateway' },
      { number: 15, slug: '15-capstone', title: 'Capstone: the whole Bookstore', lab: 'capstone' },
    ],
  },
];

export const GUIDES = [{ slug: 'use-your-own-cluster', title: 'Use your own cluster' }];
